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
        fix(frame, IP, frame.limit() - IP);
    }

    /**
     * Fixes the checksum of the IPv4 or IPv6 TCP or UDP datagram at {@code ip} in {@code buffer},
     * of which the buffer holds {@code available} bytes (its length field bounded by them).
     */
    static void fix(ByteBuffer buffer, int ip, int available) {
        if ((buffer.get(ip) & 0xf0) == 0x60) {
            int length = Math.min(Frame.u16(buffer, ip + 4), available - IPV6_HEADER);
            write(buffer, buffer.get(ip + 6) & 0xff, ip + IPV6_HEADER, length, InternetChecksum.sum(buffer, ip + 8, 32),
                    false);
            return;
        }
        int ihl = (buffer.get(ip) & 0x0f) * 4;
        int total = Frame.u16(buffer, ip + 2);
        int length = Math.min(total, available) - ihl;
        write(buffer, buffer.get(ip + 9) & 0xff, ip + ihl, length, InternetChecksum.sum(buffer, ip + 12, 8), true);
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
