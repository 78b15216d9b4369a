package org.lvsd.ipvs.userspace.dr;

import java.nio.ByteBuffer;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones'-complement sum of 16-bit
 * big-endian words, an odd last byte padded with zero. IPv4 headers, ICMP, and TCP, UDP and
 * ICMPv6 with their pseudo-headers (RFC 793, RFC 768, RFC 8200 section 8.1) all use it; a sum
 * over several ranges is the sum of their {@link #sum}s plus the pseudo-header's numbers. Reads
 * with absolute indexes, so a frame is not copied. Pure: no I/O.
 */
final class InternetChecksum {

    private InternetChecksum() {
    }

    /**
     * The unfolded sum of the {@code length} bytes at {@code at} as 16-bit words (read four bytes
     * at a time: 2^16 is 1 modulo 2^16 - 1, so a 32-bit word adds as its two halves).
     */
    static long sum(ByteBuffer b, int at, int length) {
        long sum = 0;
        int end = at + length;
        int i = at;
        for (; i + 3 < end; i += 4) {
            sum += b.getInt(i) & 0xffffffffL;
        }
        for (; i + 1 < end; i += 2) {
            sum += b.getShort(i) & 0xffff;
        }
        if (i < end) {
            sum += (b.get(i) & 0xff) << 8;
        }
        return sum;
    }

    /** The checksum of a {@link #sum}: folded to 16 bits and complemented. */
    static int finish(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /** The checksum of the {@code length} bytes at {@code at}, whose checksum field is zero: an IPv4 header's, an ICMP message's. */
    static int of(ByteBuffer b, int at, int length) {
        return finish(sum(b, at, length));
    }
}
