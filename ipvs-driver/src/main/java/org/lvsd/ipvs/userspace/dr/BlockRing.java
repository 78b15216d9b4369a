package org.lvsd.ipvs.userspace.dr;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A TPACKET_V3 receive ring (packet(7), linux/if_packet.h) seen through a buffer over its mapped
 * memory: equal blocks, each starting with a {@code tpacket_block_desc} whose status the kernel
 * sets to TP_STATUS_USER when it hands the block over (full, or its retire timer fired), holding
 * {@code num_pkts} frames chained by {@code tpacket3_hdr.tp_next_offset}. The blocks are taken in
 * order; each is handed back by resetting its status to TP_STATUS_KERNEL. The status words are
 * read with acquire and written with release ordering, as the kernel's barriers pair with them.
 * No system call: the tests walk a fabricated ring.
 */
final class BlockRing {
    /** tpacket_block_desc: version, offset_to_priv, then tpacket_hdr_v1. */
    static final int BLOCK_STATUS = 8;
    static final int BLOCK_PACKETS = 12;
    static final int BLOCK_FIRST = 16;
    /** tpacket3_hdr fields. */
    static final int NEXT_OFFSET = 0;
    static final int SNAPLEN = 12;
    static final int LENGTH = 16;
    static final int MAC_OFFSET = 24;
    static final int STATUS_KERNEL = 0;
    static final int STATUS_USER = 1;
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final ByteBuffer ring;
    private final int blockSize;
    private final int blocks;
    private int current;
    private int frameOffset;
    private long truncated;

    /** {@code ring} covers {@code blocks} blocks of {@code blockSize} bytes. */
    BlockRing(ByteBuffer ring, int blockSize, int blocks) {
        if ((long) blockSize * blocks > ring.capacity()) {
            throw new IllegalArgumentException(blocks + " blocks of " + blockSize + " bytes exceed the ring's "
                    + ring.capacity());
        }
        this.ring = ring.duplicate().order(ByteOrder.nativeOrder());
        this.blockSize = blockSize;
        this.blocks = blocks;
    }

    /** True when the current block is the program's to read. */
    boolean ready() {
        return ((int) INT.getAcquire(ring, current * blockSize + BLOCK_STATUS) & STATUS_USER) != 0;
    }

    /**
     * Hands each frame of the current block (which must be {@link #ready}) to {@code handler} as a
     * big-endian view from the frame's first byte to its captured length. A frame the block could
     * not hold whole (captured length short of its length) is counted, not handed.
     *
     * @return the frames handed
     */
    int walk(FramePort.Handler handler) throws IOException {
        int block = current * blockSize;
        int packets = ring.getInt(block + BLOCK_PACKETS);
        int at = block + ring.getInt(block + BLOCK_FIRST);
        int handed = 0;
        for (int i = 0; i < packets; i++) {
            int snaplen = ring.getInt(at + SNAPLEN);
            int frame = at + (ring.getShort(at + MAC_OFFSET) & 0xffff);
            if (frame < block || frame + snaplen > block + blockSize) {
                throw new IOException("receive ring: frame " + i + " of block " + current + " lies outside it");
            }
            if (snaplen < ring.getInt(at + LENGTH)) {
                truncated++;
            } else {
                frameOffset = frame;
                handler.frame(ring.slice(frame, snaplen).order(ByteOrder.BIG_ENDIAN));
                handed++;
            }
            at += ring.getInt(at + NEXT_OFFSET);
        }
        return handed;
    }

    /** Where in the ring the frame last handed starts. */
    int frameOffset() {
        return frameOffset;
    }

    /** Hands the current block back to the kernel and moves to the next. */
    void release() {
        INT.setRelease(ring, current * blockSize + BLOCK_STATUS, STATUS_KERNEL);
        current = (current + 1) % blocks;
    }

    /** Frames longer than a block, not handed on. */
    long truncated() {
        return truncated;
    }
}
