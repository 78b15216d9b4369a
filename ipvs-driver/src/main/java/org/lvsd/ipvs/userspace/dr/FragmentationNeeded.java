package org.lvsd.ipvs.userspace.dr;

import java.nio.ByteBuffer;

/**
 * The ICMP "fragmentation needed and DF set" message (RFC 792 destination unreachable, type 3
 * code 4, with the next-hop MTU of RFC 1191 section 4) that the director returns for a datagram
 * with DF set that the tunnel's outer header would push past the interface's MTU, as the kernel's
 * IPVS does: from the datagram's destination (the VIP, an address of the director) to its
 * source, sent back to the MAC address the frame came from, quoting the datagram's IP header and
 * the first 8 bytes of its payload; TOS the quoted one's with the precedence of network control
 * (0xc0), TTL 64, DF clear. Pure: no I/O.
 */
public final class FragmentationNeeded {
    private static final int ETH_HEADER = 14;
    private static final int IP_HEADER = 20;
    private static final int ICMP_HEADER = 8;
    private static final int QUOTED_PAYLOAD = 8;
    private static final int TYPE_UNREACHABLE = 3;
    private static final int CODE_FRAGMENTATION_NEEDED = 4;
    private static final int PROTOCOL_ICMP = 1;
    private static final int TTL = 64;
    private static final int PRECEDENCE_NETWORK_CONTROL = 0xc0;
    private static final int TOS_BITS = 0x1e;
    private static final int DF_BIT = 0x40;

    private FragmentationNeeded() {
    }

    /** True when the frame's IPv4 datagram forbids fragmenting it (DF set). */
    public static boolean dontFragment(ByteBuffer frame) {
        return (frame.get(ETH_HEADER + 6) & DF_BIT) != 0;
    }

    /** The length of the frame {@link #write} makes for {@code frame}. */
    public static int length(ByteBuffer frame) {
        return ETH_HEADER + IP_HEADER + ICMP_HEADER + quoted(frame);
    }

    /**
     * Writes the message about {@code frame} (an IPv4 frame that {@link Frame#parse} accepted)
     * into {@code out} from index 0 and sets its limit.
     *
     * @param ownMac this interface's MAC address (the frame's source)
     * @param nextHopMtu the largest datagram the tunnel takes: the interface's MTU less the outer header
     * @param id the IP identification
     * @return {@code out}
     */
    public static ByteBuffer write(ByteBuffer frame, byte[] ownMac, int nextHopMtu, int id, ByteBuffer out) {
        int quoted = quoted(frame);
        int length = ETH_HEADER + IP_HEADER + ICMP_HEADER + quoted;
        out.limit(length);
        out.put(0, frame, 6, 6).put(6, ownMac).putShort(12, (short) 0x0800);
        int ip = ETH_HEADER;
        int inner = ETH_HEADER;
        out.put(ip, (byte) 0x45).put(ip + 1, (byte) (PRECEDENCE_NETWORK_CONTROL | (frame.get(inner + 1) & TOS_BITS)));
        out.putShort(ip + 2, (short) (IP_HEADER + ICMP_HEADER + quoted)).putShort(ip + 4, (short) id);
        out.putShort(ip + 6, (short) 0).put(ip + 8, (byte) TTL).put(ip + 9, (byte) PROTOCOL_ICMP);
        out.putShort(ip + 10, (short) 0).put(ip + 12, frame, inner + 16, 4).put(ip + 16, frame, inner + 12, 4);
        out.putShort(ip + 10, (short) InternetChecksum.of(out, ip, IP_HEADER));
        int icmp = ip + IP_HEADER;
        out.put(icmp, (byte) TYPE_UNREACHABLE).put(icmp + 1, (byte) CODE_FRAGMENTATION_NEEDED);
        out.putShort(icmp + 2, (short) 0).putShort(icmp + 4, (short) 0).putShort(icmp + 6, (short) nextHopMtu);
        out.put(icmp + ICMP_HEADER, frame, inner, quoted);
        out.putShort(icmp + 2, (short) InternetChecksum.of(out, icmp, ICMP_HEADER + quoted));
        return out;
    }

    /** The quoted bytes: the IP header and 8 bytes of payload, bounded by the datagram and the frame. */
    private static int quoted(ByteBuffer frame) {
        int header = (frame.get(ETH_HEADER) & 0x0f) * 4;
        return Math.min(header + QUOTED_PAYLOAD, IpipEncapsulation.innerLength(frame));
    }
}
