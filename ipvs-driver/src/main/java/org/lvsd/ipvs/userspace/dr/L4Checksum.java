package org.lvsd.ipvs.userspace.dr;

import java.nio.ByteBuffer;

/**
 * Recomputes the TCP (RFC 793 section 3.1) or UDP (RFC 768) checksum of an IPv4 frame in place,
 * over the pseudo-header (source, destination, protocol, length) and the segment. Frames taken
 * from a virtual interface whose sender offloads checksumming carry only a partial checksum; sent
 * on unchanged, the server would discard them. A UDP checksum of zero (none) stays zero. Works in
 * place on a frame buffer (see {@link Frame}).
 */
public final class L4Checksum {
    private static final int IP = 14;

    private L4Checksum() {
    }

    /** Fixes the checksum of an IPv4 TCP or UDP frame that {@link Frame#parse} accepted. */
    public static void fix(ByteBuffer frame) {
        int ihl = (frame.get(IP) & 0x0f) * 4;
        int total = Frame.u16(frame, IP + 2);
        int proto = frame.get(IP + 9) & 0xff;
        int l4 = IP + ihl;
        int length = Math.min(total, frame.limit() - IP) - ihl;
        int at = l4 + (proto == 6 ? 16 : 6);
        if (proto == 17 && frame.getShort(at) == 0) {
            return;
        }
        frame.putShort(at, (short) 0);
        long sum = 0;
        for (int i = IP + 12; i < IP + 20; i += 2) {
            sum += Frame.u16(frame, i);
        }
        sum += proto + length;
        int end = l4 + length;
        int i = l4;
        for (; i + 3 < end; i += 4) {
            sum += frame.getInt(i) & 0xffffffffL;
        }
        for (; i + 1 < end; i += 2) {
            sum += Frame.u16(frame, i);
        }
        if ((length & 1) != 0) {
            sum += (frame.get(end - 1) & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        int checksum = (int) (~sum & 0xffff);
        if (checksum == 0 && proto == 17) {
            checksum = 0xffff;
        }
        frame.putShort(at, (short) checksum);
    }
}
