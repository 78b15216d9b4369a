package org.lvsd.ipvs.userspace.dr;

import java.nio.ByteBuffer;

/**
 * IP in IP encapsulation (RFC 2003 section 3) of an Ethernet II frame carrying IPv4, as the
 * kernel's IPVS tunnelling method sends it: a new Ethernet header toward the next hop, then an
 * outer IPv4 header (version 4, IHL 5, no options) with the inner header's TOS byte, DF bit and
 * TTL copied (RFC 2003 3.1 requires DF copied; IPVS copies TOS and TTL as well), protocol 4,
 * the director's address as source and the real server's as destination, and its header
 * checksum (RFC 791 3.1); then the inner datagram unchanged (Ethernet padding after it dropped).
 * Written into a buffer the caller owns (a send slot of the port), so nothing is allocated per
 * frame. Pure: no I/O.
 */
public final class IpipEncapsulation {
    /** The outer header's length: no options. */
    public static final int OUTER_HEADER = 20;
    /** IP protocol number of IP in IP (RFC 2003). */
    public static final int PROTOCOL_IPIP = 4;
    private static final int ETH_HEADER = 14;
    /** Where the inner datagram starts in the frame sent: after the Ethernet and outer headers. */
    public static final int INNER = ETH_HEADER + OUTER_HEADER;
    /** The DF flag in the high byte of flags/fragment offset. */
    private static final int DF_BIT = 0x40;

    private IpipEncapsulation() {
    }

    /**
     * Writes the frame to send into {@code out} from index 0 and sets its limit to the frame's
     * end: {@code frame}'s IPv4 datagram (whose total length the caller has checked against the
     * frame) inside an outer header from {@code source} to {@code destination} (4 bytes each) with
     * identification {@code id}, addressed from {@code sourceMac} to {@code nextHopMac}.
     *
     * @return {@code out}
     * @throws IllegalArgumentException when an address has the wrong length or {@code out} is too small
     */
    public static ByteBuffer encapsulate(ByteBuffer frame, byte[] nextHopMac, byte[] sourceMac, byte[] source,
                                         byte[] destination, int id, ByteBuffer out) {
        int inner = innerLength(frame);
        checkRoom(out, INNER + inner);
        out.put(INNER, frame, ETH_HEADER, inner);
        return wrap(out, inner, nextHopMac, sourceMac, source, destination, id);
    }

    /**
     * Writes the Ethernet and outer headers in front of the {@code inner}-byte IPv4 datagram that
     * lies in {@code out} from index {@link #INNER} (a segment written there) and sets the limit
     * to its end; as {@link #encapsulate} otherwise.
     *
     * @return {@code out}
     */
    public static ByteBuffer wrap(ByteBuffer out, int inner, byte[] nextHopMac, byte[] sourceMac, byte[] source,
                                  byte[] destination, int id) {
        if (nextHopMac.length != 6 || sourceMac.length != 6 || source.length != 4 || destination.length != 4) {
            throw new IllegalArgumentException("MAC addresses are 6 bytes and IPv4 addresses 4");
        }
        checkRoom(out, INNER + inner);
        out.limit(INNER + inner);
        out.put(0, nextHopMac).put(6, sourceMac).putShort(12, (short) 0x0800);
        int ip = ETH_HEADER;
        out.put(ip, (byte) 0x45).put(ip + 1, out.get(INNER + 1));
        out.putShort(ip + 2, (short) (OUTER_HEADER + inner)).putShort(ip + 4, (short) id);
        out.put(ip + 6, (byte) (out.get(INNER + 6) & DF_BIT)).put(ip + 7, (byte) 0);
        out.put(ip + 8, out.get(INNER + 8)).put(ip + 9, (byte) PROTOCOL_IPIP).putShort(ip + 10, (short) 0);
        out.put(ip + 12, source).put(ip + 16, destination);
        out.putShort(ip + 10, (short) InternetChecksum.of(out, ip, OUTER_HEADER));
        return out;
    }

    /** Refuses a send buffer smaller than the {@code frameBytes}-byte frame about to be written (either family's). */
    static void checkRoom(ByteBuffer out, int frameBytes) {
        if (out.capacity() < frameBytes) {
            throw new IllegalArgumentException("a " + frameBytes + "-byte frame does not fit " + out.capacity()
                    + " bytes");
        }
    }

    /** The inner datagram's length: its IPv4 total length, bounded by what the frame holds. */
    public static int innerLength(ByteBuffer frame) {
        return Math.min(Frame.u16(frame, ETH_HEADER + 2), frame.limit() - ETH_HEADER);
    }
}
