package org.lvsd.ipvs.userspace.dr;

/**
 * The layout of a TPACKET_V2 receive ring ({@code struct tpacket_req}) for an interface's MTU:
 * slots of a power of two that hold a whole frame, in 64 KiB blocks (one slot each when a slot is
 * larger), about 4 MiB in all: 2048 slots at an MTU of 1500.
 *
 * @param slotSize bytes per slot ({@code tp_frame_size})
 * @param slots slots in the ring ({@code tp_frame_nr})
 * @param blockSize bytes per block ({@code tp_block_size}), a multiple of the page and slot sizes
 * @param blocks blocks in the ring ({@code tp_block_nr})
 */
record RingGeometry(int slotSize, int slots, int blockSize, int blocks) {
    private static final int RING_BYTES = 1 << 22;
    private static final int BLOCK_SIZE = 1 << 16;
    /** tpacket2_hdr (32 bytes) and sockaddr_ll (20), 16-aligned, then the link header: where the IP header lands. */
    private static final int IP_OFFSET = 80;
    /** An 802.1Q tag the kernel may leave in the frame. */
    private static final int VLAN_TAG = 4;

    static RingGeometry of(int mtu) {
        int slot = Integer.highestOneBit(IP_OFFSET + VLAN_TAG + mtu - 1) << 1;
        int block = Math.max(slot, BLOCK_SIZE);
        int blocks = Math.max(4, RING_BYTES / block);
        return new RingGeometry(slot, blocks * (block / slot), block, blocks);
    }

    long bytes() {
        return (long) blockSize * blocks;
    }
}
