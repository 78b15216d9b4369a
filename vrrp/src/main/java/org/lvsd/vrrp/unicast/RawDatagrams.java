package org.lvsd.vrrp.unicast;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import org.lvsd.vrrp.codec.IpContext;
import org.lvsd.vrrp.codec.VrrpCodec;

/**
 * Parses what recvmsg(2) returns on a raw VRRP socket: for IPv4 the whole datagram with its
 * header (RFC 791 §3.1), for IPv6 the payload, the sender's {@code sockaddr_in6} and the
 * {@code IPV6_PKTINFO} / {@code IPV6_HOPLIMIT} control messages (RFC 3542 §6, cmsg(3) layout of
 * 64-bit Linux). Malformed input yields empty, never an exception.
 */
final class RawDatagrams {

    static final int IPV6_PKTINFO = 50;
    static final int IPV6_HOPLIMIT = 52;
    private static final int IPPROTO_IPV6 = 41;
    private static final int CMSG_HEADER = 16;

    private RawDatagrams() {
    }

    static Optional<ReceivedIp> ipv4(byte[] datagram) {
        if (datagram.length < 20 || (datagram[0] & 0xf0) != 0x40) {
            return Optional.empty();
        }
        int headerLength = (datagram[0] & 0x0f) * 4;
        int total = Math.min(((datagram[2] & 0xff) << 8) | (datagram[3] & 0xff), datagram.length);
        if (headerLength < 20 || total < headerLength || (datagram[9] & 0xff) != VrrpCodec.IP_PROTOCOL) {
            return Optional.empty();
        }
        InetAddress src = address(Arrays.copyOfRange(datagram, 12, 16), 0);
        InetAddress dst = address(Arrays.copyOfRange(datagram, 16, 20), 0);
        return Optional.of(new ReceivedIp(new IpContext(src, dst, datagram[8] & 0xff),
                Arrays.copyOfRange(datagram, headerLength, total)));
    }

    static Optional<ReceivedIp> ipv6(byte[] sockaddr, byte[] control, byte[] payload) {
        if (sockaddr.length < 28) {
            return Optional.empty();
        }
        ByteBuffer name = ByteBuffer.wrap(sockaddr).order(ByteOrder.nativeOrder());
        InetAddress src = address(Arrays.copyOfRange(sockaddr, 8, 24), name.getInt(24));
        InetAddress dst = null;
        int hops = -1;
        ByteBuffer c = ByteBuffer.wrap(control).order(ByteOrder.nativeOrder());
        int off = 0;
        while (off + CMSG_HEADER <= control.length) {
            long len = c.getLong(off);
            if (len < CMSG_HEADER || off + len > control.length) {
                break;
            }
            int level = c.getInt(off + 8);
            int type = c.getInt(off + 12);
            if (level == IPPROTO_IPV6 && type == IPV6_PKTINFO && len >= CMSG_HEADER + 20) {
                dst = address(Arrays.copyOfRange(control, off + CMSG_HEADER, off + CMSG_HEADER + 16),
                        c.getInt(off + CMSG_HEADER + 16));
            } else if (level == IPPROTO_IPV6 && type == IPV6_HOPLIMIT && len >= CMSG_HEADER + 4) {
                hops = c.getInt(off + CMSG_HEADER);
            }
            off += (int) ((len + 7) & ~7L);
        }
        if (dst == null || hops < 0 || hops > 255) {
            return Optional.empty();
        }
        return Optional.of(new ReceivedIp(new IpContext(src, dst, hops), payload));
    }

    /** An address; IPv6 link-local addresses keep their scope (interface index). */
    static InetAddress address(byte[] bytes, int scopeId) {
        try {
            if (bytes.length == 16 && scopeId != 0 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0x80) {
                return Inet6Address.getByAddress(null, bytes, scopeId);
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + bytes.length + " bytes", e);
        }
    }
}
