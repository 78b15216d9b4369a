package org.lvsd.ipvs.userspace.dr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The argument of one sendmmsg(2): an array of {@code struct mmsghdr} (x86-64 and arm64 layout:
 * a 56-byte msghdr, then the 4-byte msg_len, padded to 64) whose msghdr each points at one
 * {@code struct iovec} (base address, length) of the iovec array behind it. No destination
 * address: a packet socket bound to an interface sends there. The frames stay where they are
 * (the receive ring or a send slot): only their addresses are written. Pure over a buffer; the
 * port lays it over native memory.
 */
final class SendBatch {
    static final int MMSGHDR = 64;
    static final int IOVEC = 16;
    private static final int MSG_IOV = 16;
    private static final int MSG_IOVLEN = 24;

    private final ByteBuffer memory;
    private final int capacity;
    private int size;

    /**
     * Lays out {@code capacity} messages over {@code memory} (at least {@link #bytes} long), whose
     * first byte is at native address {@code base}.
     */
    SendBatch(ByteBuffer memory, long base, int capacity) {
        if (memory.capacity() < bytes(capacity)) {
            throw new IllegalArgumentException(capacity + " messages need " + bytes(capacity) + " bytes");
        }
        this.memory = memory.duplicate().order(ByteOrder.nativeOrder());
        this.capacity = capacity;
        long iovecs = base + (long) MMSGHDR * capacity;
        for (int i = 0; i < capacity; i++) {
            for (int b = 0; b < MMSGHDR; b += 8) {
                this.memory.putLong(i * MMSGHDR + b, 0);
            }
            this.memory.putLong(i * MMSGHDR + MSG_IOV, iovecs + (long) IOVEC * i);
            this.memory.putLong(i * MMSGHDR + MSG_IOVLEN, 1);
        }
    }

    /** The bytes {@code capacity} messages take. */
    static int bytes(int capacity) {
        return (MMSGHDR + IOVEC) * capacity;
    }

    /** Adds the frame of {@code length} bytes at native address {@code address}; false when full. */
    boolean add(long address, int length) {
        if (size == capacity) {
            return false;
        }
        int iovec = MMSGHDR * capacity + IOVEC * size;
        memory.putLong(iovec, address).putLong(iovec + 8, length);
        size++;
        return true;
    }

    /** The frames added since the last {@link #clear}. */
    int size() {
        return size;
    }

    /** The byte offset of message {@code index} (to pass sendmmsg the rest of a partly sent batch). */
    static long offset(int index) {
        return (long) MMSGHDR * index;
    }

    void clear() {
        size = 0;
    }
}
