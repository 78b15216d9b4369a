package org.lvsd.healthcheck.icmp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * {@code struct sockaddr_in} (16 octets) and {@code sockaddr_in6} (28 octets) as bytes, ip(7),
 * ipv6(7): family in host order, port (for ICMP sockets the echo identifier) in network order.
 */
final class SockAddr {

    static final int MAX = 28;

    private SockAddr() {
    }

    static byte[] of(InetAddress address, int port) {
        boolean v4 = address instanceof Inet4Address;
        ByteBuffer b = ByteBuffer.allocate(v4 ? 16 : 28);
        b.order(ByteOrder.nativeOrder()).putShort((short) IcmpFamily.of(address).addressFamily());
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) port);
        if (v4) {
            b.put(address.getAddress());
        } else {
            b.putInt(0).put(address.getAddress())
                    .order(ByteOrder.nativeOrder()).putInt(((Inet6Address) address).getScopeId());
        }
        return b.array();
    }

    /** The port field of a {@code sockaddr_in} / {@code sockaddr_in6}. */
    static int port(byte[] sockaddr) {
        return (sockaddr[2] & 0xFF) << 8 | sockaddr[3] & 0xFF;
    }

    /** The address of a {@code sockaddr_in} / {@code sockaddr_in6} (scope id dropped). */
    static InetAddress address(byte[] sockaddr, IcmpFamily family) {
        byte[] raw = family == IcmpFamily.INET ? Arrays.copyOfRange(sockaddr, 4, 8)
                : Arrays.copyOfRange(sockaddr, 8, 24);
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
