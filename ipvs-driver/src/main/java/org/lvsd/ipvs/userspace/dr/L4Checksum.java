package org.lvsd.ipvs.userspace.dr;

/**
 * Recomputes the TCP (RFC 793 section 3.1) or UDP (RFC 768) checksum of an IPv4 frame in place,
 * over the pseudo-header (source, destination, protocol, length) and the segment. Frames taken
 * from a virtual interface whose sender offloads checksumming carry only a partial checksum; sent
 * on unchanged, the server would discard them. A UDP checksum of zero (none) stays zero.
 */
public final class L4Checksum {
    private static final int IP = 14;

    private L4Checksum() {
    }

    /** Fixes the checksum of an IPv4 TCP or UDP frame that {@link Frame#parse} accepted. */
    public static void fix(byte[] frame) {
        int ihl = (frame[IP] & 0x0f) * 4;
        int total = ((frame[IP + 2] & 0xff) << 8) | (frame[IP + 3] & 0xff);
        int proto = frame[IP + 9] & 0xff;
        int l4 = IP + ihl;
        int length = Math.min(total, frame.length - IP) - ihl;
        int at = l4 + (proto == 6 ? 16 : 6);
        if (proto == 17 && frame[at] == 0 && frame[at + 1] == 0) {
            return;
        }
        frame[at] = 0;
        frame[at + 1] = 0;
        long sum = 0;
        for (int i = IP + 12; i < IP + 20; i += 2) {
            sum += word(frame, i);
        }
        sum += proto + length;
        int end = l4 + length;
        for (int i = l4; i + 1 < end; i += 2) {
            sum += word(frame, i);
        }
        if ((length & 1) != 0) {
            sum += (frame[end - 1] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        int checksum = (int) (~sum & 0xffff);
        if (checksum == 0 && proto == 17) {
            checksum = 0xffff;
        }
        frame[at] = (byte) (checksum >>> 8);
        frame[at + 1] = (byte) checksum;
    }

    private static int word(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }
}
