package org.lvsd.ipvs.userspace.dr;

/**
 * IP in IP encapsulation (RFC 2003 section 3) of an Ethernet II frame carrying IPv4, as the
 * kernel's IPVS tunnelling method sends it: a new Ethernet header toward the next hop, then an
 * outer IPv4 header (version 4, IHL 5, no options) with the inner header's TOS byte, DF bit and
 * TTL copied (RFC 2003 3.1 requires DF copied; IPVS copies TOS and TTL as well), protocol 4,
 * the director's address as source and the real server's as destination, and its header
 * checksum (RFC 791 3.1); then the inner datagram unchanged (Ethernet padding after it dropped).
 * Pure: no I/O.
 */
public final class IpipEncapsulation {
    /** The outer header's length: no options. */
    public static final int OUTER_HEADER = 20;
    /** IP protocol number of IP in IP (RFC 2003). */
    public static final int PROTOCOL_IPIP = 4;
    private static final int ETH_HEADER = 14;
    /** The DF flag in the high byte of flags/fragment offset. */
    private static final int DF_BIT = 0x40;

    private IpipEncapsulation() {
    }

    /**
     * The frame to send: {@code frame}'s IPv4 datagram (whose total length the caller has checked
     * against the frame) inside an outer header from {@code source} to {@code destination} (4 bytes
     * each) with identification {@code id}, addressed from {@code sourceMac} to {@code nextHopMac}.
     */
    public static byte[] encapsulate(byte[] frame, byte[] nextHopMac, byte[] sourceMac, byte[] source,
                                     byte[] destination, int id) {
        if (nextHopMac.length != 6 || sourceMac.length != 6 || source.length != 4 || destination.length != 4) {
            throw new IllegalArgumentException("MAC addresses are 6 bytes and IPv4 addresses 4");
        }
        int inner = innerLength(frame);
        byte[] out = new byte[ETH_HEADER + OUTER_HEADER + inner];
        System.arraycopy(nextHopMac, 0, out, 0, 6);
        System.arraycopy(sourceMac, 0, out, 6, 6);
        out[12] = 0x08;
        out[13] = 0x00;
        int ip = ETH_HEADER;
        int total = OUTER_HEADER + inner;
        out[ip] = 0x45;
        out[ip + 1] = frame[ETH_HEADER + 1];
        out[ip + 2] = (byte) (total >>> 8);
        out[ip + 3] = (byte) total;
        out[ip + 4] = (byte) (id >>> 8);
        out[ip + 5] = (byte) id;
        out[ip + 6] = (byte) (frame[ETH_HEADER + 6] & DF_BIT);
        out[ip + 7] = 0;
        out[ip + 8] = frame[ETH_HEADER + 8];
        out[ip + 9] = PROTOCOL_IPIP;
        System.arraycopy(source, 0, out, ip + 12, 4);
        System.arraycopy(destination, 0, out, ip + 16, 4);
        int checksum = headerChecksum(out, ip, OUTER_HEADER);
        out[ip + 10] = (byte) (checksum >>> 8);
        out[ip + 11] = (byte) checksum;
        System.arraycopy(frame, ETH_HEADER, out, ETH_HEADER + OUTER_HEADER, inner);
        return out;
    }

    /** The inner datagram's length: its IPv4 total length, bounded by what the frame holds. */
    public static int innerLength(byte[] frame) {
        int total = ((frame[ETH_HEADER + 2] & 0xff) << 8) | (frame[ETH_HEADER + 3] & 0xff);
        return Math.min(total, frame.length - ETH_HEADER);
    }

    /** The ones'-complement checksum of an IPv4 header whose checksum field is zero. */
    static int headerChecksum(byte[] b, int at, int length) {
        long sum = 0;
        for (int i = at; i < at + length; i += 2) {
            sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
