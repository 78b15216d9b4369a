package org.lvsd.ipvs.userspace.dr;

/**
 * The layout of a TPACKET_V2 receive ring ({@code struct tpacket_req}): slots that hold the
 * largest frame the stack hands a packet socket, a 64 KiB segment merged by GRO or not yet split
 * by TSO (an IPv4 total length of up to 65,535 bytes after the link header and its virtio_net_hdr),
 * each slot a block of whole pages, so that slots lie back to back as {@link FrameRing} reads
 * them; 256 of them, about 17 MiB.
 *
 * @param slotSize bytes per slot ({@code tp_frame_size})
 * @param slots slots in the ring ({@code tp_frame_nr})
 * @param blockSize bytes per block ({@code tp_block_size}), a multiple of the page and slot sizes
 * @param blocks blocks in the ring ({@code tp_block_nr})
 */
record RingGeometry(int slotSize, int slots, int blockSize, int blocks) {
    private static final int PAGE = 4096;
    private static final int SLOTS = 256;
    /**
     * tpacket2_hdr (32 bytes) and sockaddr_ll (20) 16-aligned with room for the link header, then
     * the virtio_net_hdr (10): where the IP header lands.
     */
    private static final int IP_OFFSET = 90;
    /** An 802.1Q tag the kernel may leave in the frame. */
    private static final int VLAN_TAG = 4;
    private static final int MAX_DATAGRAM = 65_535;

    /** The ring for frames of up to a 64 KiB datagram. */
    static RingGeometry forSegments() {
        int slot = (IP_OFFSET + VLAN_TAG + MAX_DATAGRAM + PAGE - 1) / PAGE * PAGE;
        return new RingGeometry(slot, SLOTS, slot, SLOTS);
    }

    long bytes() {
        return (long) blockSize * blocks;
    }
}
