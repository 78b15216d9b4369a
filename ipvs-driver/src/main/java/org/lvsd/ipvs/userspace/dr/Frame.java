package org.lvsd.ipvs.userspace.dr;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.table.TcpFlags;

/**
 * What the packet path needs of an Ethernet II frame carrying IPv4 TCP or UDP: the flow's
 * endpoints, TCP flags, and the IP total length (RFC 791 section 3.1). A frame is the bytes of a
 * buffer from index 0 to its limit (a view of a receive ring's slot, or a wrapped array); it is
 * read and rewritten in place with absolute indexes, so no copy is made. Pure: no I/O.
 *
 * @param protocol TCP or UDP
 * @param ipLength the IP datagram's total length in bytes (what IPVS counts)
 * @param flags TCP flags, null for UDP
 */
public record Frame(Protocol protocol, InetAddress source, int sourcePort, InetAddress destination,
                    int destinationPort, TcpFlags flags, int ipLength) {
    private static final int ETH_HEADER = 14;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int TCP_FIN = 0x01;
    private static final int TCP_SYN = 0x02;
    private static final int TCP_RST = 0x04;
    private static final int TCP_ACK = 0x10;

    /**
     * Parses {@code frame}; null for anything but an unfragmented or first-fragment IPv4 TCP/UDP
     * frame with its ports present (later fragments carry no ports and are not forwarded).
     */
    public static Frame parse(ByteBuffer frame) {
        if (frame.limit() < ETH_HEADER + 20 || u16(frame, 12) != ETHERTYPE_IPV4) {
            return null;
        }
        int ip = ETH_HEADER;
        if ((frame.get(ip) & 0xf0) != 0x40) {
            return null;
        }
        int ihl = (frame.get(ip) & 0x0f) * 4;
        int totalLength = u16(frame, ip + 2);
        if (ihl < 20 || (u16(frame, ip + 6) & 0x1fff) != 0) {
            return null;
        }
        int proto = frame.get(ip + 9) & 0xff;
        Protocol protocol = proto == 6 ? Protocol.TCP : proto == 17 ? Protocol.UDP : null;
        int l4 = ip + ihl;
        int need = protocol == Protocol.TCP ? 14 : 4;
        if (protocol == null || frame.limit() < l4 + need) {
            return null;
        }
        TcpFlags flags = null;
        if (protocol == Protocol.TCP) {
            int f = frame.get(l4 + 13) & 0xff;
            flags = new TcpFlags((f & TCP_SYN) != 0, (f & TCP_FIN) != 0, (f & TCP_ACK) != 0, (f & TCP_RST) != 0);
        }
        return new Frame(protocol, address(frame, ip + 12), u16(frame, l4), address(frame, ip + 16), u16(frame, l4 + 2),
                flags, totalLength);
    }

    /** True when the frame's destination MAC is {@code mac}. */
    public static boolean addressedTo(ByteBuffer frame, byte[] mac) {
        if (frame.limit() < 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (frame.get(i) != mac[i]) {
                return false;
            }
        }
        return true;
    }

    /** Sets the frame's destination and source MAC addresses (bytes 0-5 and 6-11). */
    public static void readdress(ByteBuffer frame, byte[] destinationMac, byte[] sourceMac) {
        if (destinationMac.length != 6 || sourceMac.length != 6) {
            throw new IllegalArgumentException("MAC addresses are 6 bytes");
        }
        frame.put(0, destinationMac).put(6, sourceMac);
    }

    /** The unsigned 16-bit big-endian value at {@code at}. */
    static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }

    private static InetAddress address(ByteBuffer b, int at) {
        byte[] a = new byte[4];
        b.get(at, a);
        try {
            return InetAddress.getByAddress(a);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
