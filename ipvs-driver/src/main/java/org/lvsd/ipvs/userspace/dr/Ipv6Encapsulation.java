package org.lvsd.ipvs.userspace.dr;

import java.nio.ByteBuffer;

/**
 * IPv6 in IPv6 encapsulation (RFC 2473 section 3) of an Ethernet II frame carrying IPv6, which is
 * how the kernel's IPVS tunnels an IPv6 service: a new Ethernet header toward the next hop, then
 * an outer IPv6 header (RFC 8200 section 3) with the inner header's traffic class and hop limit
 * copied (as IPVS does), flow label zero, payload length the whole inner datagram, next header 41
 * (IPv6), the director's address as source and the real server's as destination, without a
 * tunnel encapsulation limit option (RFC 2473 4.1.1 leaves it to the entry point; IPVS adds
 * none); then the inner datagram unchanged (Ethernet padding after it dropped). Written into a
 * buffer the caller owns (a send slot of the port), so nothing is allocated per frame. Pure: no
 * I/O.
 */
public final class Ipv6Encapsulation {
    /** The outer header's length: the fixed header, no extension headers. */
    public static final int OUTER_HEADER = 40;
    /** The next header number of an encapsulated IPv6 datagram (RFC 2473 section 3). */
    public static final int NEXT_HEADER_IPV6 = 41;
    private static final int ETH_HEADER = 14;
    /** Where the inner datagram starts in the frame sent: after the Ethernet and outer headers. */
    public static final int INNER = ETH_HEADER + OUTER_HEADER;

    private Ipv6Encapsulation() {
    }

    /**
     * Writes the frame to send into {@code out} from index 0 and sets its limit to the frame's
     * end: {@code frame}'s IPv6 datagram (one {@link Frame#parse} accepted) inside an outer header
     * from {@code source} to {@code destination} (16 bytes each), addressed from {@code sourceMac}
     * to {@code nextHopMac}.
     *
     * @return {@code out}
     * @throws IllegalArgumentException when an address has the wrong length or {@code out} is too small
     */
    public static ByteBuffer encapsulate(ByteBuffer frame, byte[] nextHopMac, byte[] sourceMac, byte[] source,
                                         byte[] destination, ByteBuffer out) {
        int inner = innerLength(frame);
        IpipEncapsulation.checkRoom(out, INNER + inner);
        out.put(INNER, frame, ETH_HEADER, inner);
        return wrap(out, inner, nextHopMac, sourceMac, source, destination);
    }

    /**
     * Writes the Ethernet and outer headers in front of the {@code inner}-byte IPv6 datagram that
     * lies in {@code out} from index {@link #INNER} (a segment written there) and sets the limit
     * to its end; as {@link #encapsulate} otherwise.
     *
     * @return {@code out}
     */
    public static ByteBuffer wrap(ByteBuffer out, int inner, byte[] nextHopMac, byte[] sourceMac, byte[] source,
                                  byte[] destination) {
        if (nextHopMac.length != 6 || sourceMac.length != 6 || source.length != 16 || destination.length != 16) {
            throw new IllegalArgumentException("MAC addresses are 6 bytes and IPv6 addresses 16");
        }
        IpipEncapsulation.checkRoom(out, INNER + inner);
        out.limit(INNER + inner);
        out.put(0, nextHopMac).put(6, sourceMac).putShort(12, (short) 0x86DD);
        int ip = ETH_HEADER;
        // version 6, then the inner traffic class (the low nibble of byte 0, the high one of byte 1), flow label 0
        out.put(ip, (byte) (0x60 | (out.get(INNER) & 0x0f))).put(ip + 1, (byte) (out.get(INNER + 1) & 0xf0));
        out.putShort(ip + 2, (short) 0).putShort(ip + 4, (short) inner);
        out.put(ip + 6, (byte) NEXT_HEADER_IPV6).put(ip + 7, out.get(INNER + 7));
        out.put(ip + 8, source).put(ip + 24, destination);
        return out;
    }

    /** The inner datagram's length: the fixed header and its payload length, bounded by what the frame holds. */
    public static int innerLength(ByteBuffer frame) {
        return Math.min(OUTER_HEADER + Frame.u16(frame, ETH_HEADER + 4), frame.limit() - ETH_HEADER);
    }
}
