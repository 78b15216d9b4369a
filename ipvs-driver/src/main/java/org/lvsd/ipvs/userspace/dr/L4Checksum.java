package org.lvsd.ipvs.userspace.dr;

import java.nio.ByteBuffer;

/**
 * Recomputes the TCP (RFC 793 section 3.1) or UDP (RFC 768) checksum of an IPv4 or IPv6 frame in
 * place, over the pseudo-header (source, destination, protocol or next header, length; RFC 8200
 * section 8.1 for IPv6) and the segment. Frames taken from a virtual interface whose sender
 * offloads checksumming carry only a partial checksum; sent on unchanged, the server would
 * discard them. An IPv4 UDP checksum of zero (none) stays zero; IPv6 has no such exception (RFC
 * 8200 8.1), so its UDP checksum is always computed. Works in place on a frame buffer (see
 * {@link Frame}).
 */
public final class L4Checksum {
    private static final int IP = 14;
    private static final int IPV6_HEADER = 40;

    private L4Checksum() {
    }

    /** Fixes the checksum of an IPv4 or IPv6 TCP or UDP frame that {@link Frame#parse} accepted. */
    public static void fix(ByteBuffer frame) {
        if ((frame.get(IP) & 0xf0) == 0x60) {
            int length = Math.min(Frame.u16(frame, IP + 4), frame.limit() - IP - IPV6_HEADER);
            write(frame, frame.get(IP + 6) & 0xff, IP + IPV6_HEADER, length, InternetChecksum.sum(frame, IP + 8, 32),
                    false);
            return;
        }
        int ihl = (frame.get(IP) & 0x0f) * 4;
        int total = Frame.u16(frame, IP + 2);
        int length = Math.min(total, frame.limit() - IP) - ihl;
        write(frame, frame.get(IP + 9) & 0xff, IP + ihl, length, InternetChecksum.sum(frame, IP + 12, 8), true);
    }

    /**
     * Writes the checksum of the {@code length}-byte segment at {@code l4}, {@code addresses} being
     * the pseudo-header's address sum.
     */
    private static void write(ByteBuffer frame, int proto, int l4, int length, long addresses, boolean zeroUdpIsNone) {
        int at = l4 + (proto == 6 ? 16 : 6);
        if (proto == 17 && zeroUdpIsNone && frame.getShort(at) == 0) {
            return;
        }
        frame.putShort(at, (short) 0);
        int checksum = InternetChecksum.finish(addresses + proto + length + InternetChecksum.sum(frame, l4, length));
        if (checksum == 0 && proto == 17) {
            checksum = 0xffff;
        }
        frame.putShort(at, (short) checksum);
    }
}
