package org.lvsd.ipvs.userspace.dr;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.table.TcpFlags;

/**
 * What the packet path needs of an Ethernet II frame carrying IPv4 (RFC 791) or IPv6 (RFC 8200)
 * TCP or UDP: the flow's endpoints, TCP flags, and the datagram's length. A frame is the bytes of
 * a buffer from index 0 to its limit (a view of a receive ring's slot, or a wrapped array); it is
 * read and rewritten in place with absolute indexes, so no copy is made. Pure: no I/O.
 *
 * <p>An IPv6 datagram is taken only when TCP or UDP directly follows its fixed header (next
 * header 6 or 17): extension headers (RFC 8200 section 4), the fragment header among them, are
 * not followed, so such a datagram, like one whose payload length exceeds the frame or cannot
 * hold the transport header, is not parsed.
 *
 * @param protocol TCP or UDP
 * @param ipLength the IP datagram's length in bytes (what IPVS counts): the IPv4 total length, or
 *     the IPv6 fixed header plus its payload length
 * @param flags TCP flags, null for UDP
 */
public record Frame(Protocol protocol, InetAddress source, int sourcePort, InetAddress destination,
                    int destinationPort, TcpFlags flags, int ipLength) {
    private static final int ETH_HEADER = 14;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    /** The IPv6 fixed header (RFC 8200 section 3). */
    private static final int IPV6_HEADER = 40;
    private static final int TCP_FIN = 0x01;
    private static final int TCP_SYN = 0x02;
    private static final int TCP_RST = 0x04;
    private static final int TCP_ACK = 0x10;

    /**
     * Parses {@code frame}; null for anything but an unfragmented or first-fragment IPv4 TCP/UDP
     * frame, or an IPv6 frame whose fixed header is followed by TCP or UDP, with its ports present
     * (later IPv4 fragments carry no ports and are not forwarded).
     */
    public static Frame parse(ByteBuffer frame) {
        if (frame.limit() < ETH_HEADER + 20) {
            return null;
        }
        int type = u16(frame, 12);
        if (type == ETHERTYPE_IPV4) {
            return parseIpv4(frame);
        }
        return type == ETHERTYPE_IPV6 ? parseIpv6(frame) : null;
    }

    private static Frame parseIpv4(ByteBuffer frame) {
        int ip = ETH_HEADER;
        if ((frame.get(ip) & 0xf0) != 0x40) {
            return null;
        }
        int ihl = (frame.get(ip) & 0x0f) * 4;
        int totalLength = u16(frame, ip + 2);
        if (ihl < 20 || (u16(frame, ip + 6) & 0x1fff) != 0) {
            return null;
        }
        Protocol protocol = protocol(frame.get(ip + 9));
        int l4 = ip + ihl;
        if (protocol == null || frame.limit() < l4 + transportBytes(protocol)) {
            return null;
        }
        return new Frame(protocol, address4(frame, ip + 12), u16(frame, l4), address4(frame, ip + 16),
                u16(frame, l4 + 2), flags(frame, protocol, l4), totalLength);
    }

    private static Frame parseIpv6(ByteBuffer frame) {
        int ip = ETH_HEADER;
        int l4 = ip + IPV6_HEADER;
        if (frame.limit() < l4 || (frame.get(ip) & 0xf0) != 0x60) {
            return null;
        }
        int payload = u16(frame, ip + 4);
        Protocol protocol = protocol(frame.get(ip + 6));
        if (protocol == null || payload < transportBytes(protocol) || payload > frame.limit() - l4) {
            return null;
        }
        return new Frame(protocol, address6(frame, ip + 8), u16(frame, l4), address6(frame, ip + 24),
                u16(frame, l4 + 2), flags(frame, protocol, l4), IPV6_HEADER + payload);
    }

    /** TCP for 6, UDP for 17, else null. */
    private static Protocol protocol(byte number) {
        return number == 6 ? Protocol.TCP : number == 17 ? Protocol.UDP : null;
    }

    /** The transport header's bytes the parser reads: TCP up to its flags, UDP's ports. */
    private static int transportBytes(Protocol protocol) {
        return protocol == Protocol.TCP ? 14 : 4;
    }

    private static TcpFlags flags(ByteBuffer frame, Protocol protocol, int l4) {
        if (protocol != Protocol.TCP) {
            return null;
        }
        int f = frame.get(l4 + 13) & 0xff;
        return new TcpFlags((f & TCP_SYN) != 0, (f & TCP_FIN) != 0, (f & TCP_ACK) != 0, (f & TCP_RST) != 0);
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

    private static InetAddress address4(ByteBuffer b, int at) {
        byte[] a = new byte[4];
        b.get(at, a);
        try {
            return InetAddress.getByAddress(a);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * An IPv6 address as an {@link Inet6Address} even when IPv4-mapped (::ffff:0:0/96), which
     * {@link InetAddress#getByAddress(byte[])} would turn into an IPv4 address of an IPv4 service.
     */
    private static InetAddress address6(ByteBuffer b, int at) {
        byte[] a = new byte[16];
        b.get(at, a);
        try {
            return Inet6Address.getByAddress(null, a, -1);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
