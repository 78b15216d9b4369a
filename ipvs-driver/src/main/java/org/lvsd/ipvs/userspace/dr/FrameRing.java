package org.lvsd.ipvs.userspace.dr;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A TPACKET_V2 receive ring (packet(7), linux/if_packet.h) seen through a buffer over its mapped
 * memory: equal slots, each starting with a {@code tpacket2_hdr} whose status the kernel sets to
 * TP_STATUS_USER once it has copied a frame in (and woken a poll(2)), the frame at
 * {@code tp_mac} and {@code tp_snaplen} bytes long. Slots are taken in order, a run of ready ones
 * at a time; they go back to the kernel by resetting their status to TP_STATUS_KERNEL, after the
 * sends that point into them are out. Status words are read with acquire and written with release
 * ordering, as the kernel's barriers pair with them. No system call: the tests walk a fabricated
 * ring.
 *
 * <p>Not TPACKET_V3: its blocks reach the program only when full or when a retire timer of at
 * least 1 ms fires, so at request-response rates every frame waited up to that millisecond (the
 * lab's keep-alive rate fell from 24k to 17k frames/s); here a frame is ready as soon as copied.
 */
final class FrameRing {
    /** tpacket2_hdr fields. */
    static final int STATUS = 0;
    static final int LENGTH = 4;
    static final int SNAPLEN = 8;
    static final int MAC_OFFSET = 12;
    static final int STATUS_KERNEL = 0;
    static final int STATUS_USER = 1;
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final ByteBuffer ring;
    private final int slotSize;
    private final int slots;
    private int current;
    private int walked;
    private int frameOffset;
    private long truncated;

    /** {@code ring} holds {@code slots} slots of {@code slotSize} bytes back to back. */
    FrameRing(ByteBuffer ring, int slotSize, int slots) {
        if ((long) slotSize * slots > ring.capacity()) {
            throw new IllegalArgumentException(slots + " slots of " + slotSize + " bytes exceed the ring's "
                    + ring.capacity());
        }
        this.ring = ring.duplicate().order(ByteOrder.nativeOrder());
        this.slotSize = slotSize;
        this.slots = slots;
    }

    /** True when the next slot holds a frame for the program. */
    boolean ready() {
        return ready(current);
    }

    private boolean ready(int slot) {
        return ((int) INT.getAcquire(ring, slot * slotSize + STATUS) & STATUS_USER) != 0;
    }

    /**
     * Hands the frames of up to {@code max} ready slots from the next one on to {@code handler},
     * each as a big-endian view from its first byte to its captured length. A frame the slot
     * could not hold whole (captured length short of its length) is counted, not handed. The
     * slots stay the program's until {@link #release}.
     *
     * @return the frames handed
     */
    int walk(int max, FramePort.Handler handler) throws IOException {
        int handed = 0;
        walked = 0;
        while (walked < max && walked < slots && ready((current + walked) % slots)) {
            int slot = (current + walked) % slots * slotSize;
            walked++;
            int snaplen = ring.getInt(slot + SNAPLEN);
            int frame = slot + (ring.getShort(slot + MAC_OFFSET) & 0xffff);
            if (frame + snaplen > slot + slotSize) {
                throw new IOException("receive ring: the frame of slot " + (slot / slotSize) + " lies outside it");
            }
            if (snaplen < ring.getInt(slot + LENGTH)) {
                truncated++;
            } else {
                frameOffset = frame;
                handler.frame(ring.slice(frame, snaplen).order(ByteOrder.BIG_ENDIAN));
                handed++;
            }
        }
        return handed;
    }

    /** Where in the ring the frame last handed starts. */
    int frameOffset() {
        return frameOffset;
    }

    /** Hands the slots of the last walk back to the kernel and moves past them. */
    void release() {
        for (int i = 0; i < walked; i++) {
            INT.setRelease(ring, current * slotSize + STATUS, STATUS_KERNEL);
            current = (current + 1) % slots;
        }
        walked = 0;
    }

    /** Frames longer than a slot, not handed on. */
    long truncated() {
        return truncated;
    }
}
