package org.lvsd.ipvs.userspace.dr;

import java.nio.ByteBuffer;

/**
 * The ICMPv6 Packet Too Big message (RFC 4443 section 3.2: type 2, code 0, the MTU in the 32
 * bits after the checksum) that the director returns for an IPv6 datagram the tunnel's outer
 * header would push past the interface's MTU, the IPv6 counterpart of
 * {@link FragmentationNeeded} (IPv6 routers never fragment, so every such datagram is answered):
 * from the datagram's destination (the VIP, an address of the director) to its source, sent back
 * to the MAC address the frame came from; traffic class and flow label zero, hop limit 64; the
 * invoking datagram quoted as far as the message stays within the minimum IPv6 MTU of 1280
 * bytes (RFC 4443 2.4 (c)); the checksum over the IPv6 pseudo-header (RFC 8200 section 8.1,
 * next header 58) and the message. Not sent about a datagram from the unspecified or a multicast
 * address (RFC 4443 2.4 (e.6)). Pure: no I/O.
 */
public final class PacketTooBig {
    /** The smallest MTU an IPv6 link may have (RFC 8200 section 5). */
    public static final int MINIMUM_MTU = 1280;
    private static final int ETH_HEADER = 14;
    private static final int IPV6_HEADER = 40;
    private static final int ICMP_HEADER = 8;
    private static final int QUOTED_MAX = MINIMUM_MTU - IPV6_HEADER - ICMP_HEADER;
    private static final int TYPE_PACKET_TOO_BIG = 2;
    private static final int NEXT_HEADER_ICMPV6 = 58;
    private static final int HOP_LIMIT = 64;

    private PacketTooBig() {
    }

    /** True unless the frame's source is the unspecified address (::) or a multicast one (ff00::/8). */
    public static boolean mayAnswer(ByteBuffer frame) {
        int source = ETH_HEADER + 8;
        if ((frame.get(source) & 0xff) == 0xff) {
            return false;
        }
        for (int i = source; i < source + 16; i += 8) {
            if (frame.getLong(i) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The length of the frame {@link #write} makes for {@code frame}. */
    public static int length(ByteBuffer frame) {
        return ETH_HEADER + IPV6_HEADER + ICMP_HEADER + quoted(frame);
    }

    /**
     * Writes the message about {@code frame} (an IPv6 frame that {@link Frame#parse} accepted)
     * into {@code out} from index 0 and sets its limit.
     *
     * @param ownMac this interface's MAC address (the frame's source)
     * @param mtu the largest datagram the tunnel takes: the interface's MTU less the outer header
     * @return {@code out}
     */
    public static ByteBuffer write(ByteBuffer frame, byte[] ownMac, int mtu, ByteBuffer out) {
        int quoted = quoted(frame);
        int message = ICMP_HEADER + quoted;
        out.limit(ETH_HEADER + IPV6_HEADER + message);
        out.put(0, frame, 6, 6).put(6, ownMac).putShort(12, (short) 0x86DD);
        int ip = ETH_HEADER;
        int inner = ETH_HEADER;
        out.putInt(ip, 0x60000000).putShort(ip + 4, (short) message);
        out.put(ip + 6, (byte) NEXT_HEADER_ICMPV6).put(ip + 7, (byte) HOP_LIMIT);
        out.put(ip + 8, frame, inner + 24, 16).put(ip + 24, frame, inner + 8, 16);
        int icmp = ip + IPV6_HEADER;
        out.put(icmp, (byte) TYPE_PACKET_TOO_BIG).put(icmp + 1, (byte) 0).putShort(icmp + 2, (short) 0);
        out.putInt(icmp + 4, mtu);
        out.put(icmp + ICMP_HEADER, frame, inner, quoted);
        long pseudo = InternetChecksum.sum(out, ip + 8, 32) + message + NEXT_HEADER_ICMPV6;
        out.putShort(icmp + 2, (short) InternetChecksum.finish(pseudo + InternetChecksum.sum(out, icmp, message)));
        return out;
    }

    /** The quoted bytes: the invoking datagram, bounded by the frame and the minimum MTU. */
    private static int quoted(ByteBuffer frame) {
        return Math.min(Ipv6Encapsulation.innerLength(frame), QUOTED_MAX);
    }
}
