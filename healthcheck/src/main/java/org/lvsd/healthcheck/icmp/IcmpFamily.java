package org.lvsd.healthcheck.icmp;

import java.net.Inet4Address;
import java.net.InetAddress;

/** The two ICMP flavours: address family, protocol number and echo message types. */
enum IcmpFamily {
    /** ICMP for IPv4 (RFC 792): Echo 8, Echo Reply 0. */
    INET(2, 1, 8, 0, true),
    /** ICMPv6 (RFC 4443 §4.1, §4.2): Echo Request 128, Echo Reply 129. */
    INET6(10, 58, 128, 129, false);

    private final int addressFamily;
    private final int protocol;
    private final int requestType;
    private final int replyType;
    private final boolean userChecksum;

    IcmpFamily(int addressFamily, int protocol, int requestType, int replyType,
               boolean userChecksum) {
        this.addressFamily = addressFamily;
        this.protocol = protocol;
        this.requestType = requestType;
        this.replyType = replyType;
        this.userChecksum = userChecksum;
    }

    static IcmpFamily of(InetAddress address) {
        return address instanceof Inet4Address ? INET : INET6;
    }

    /** {@code AF_INET} / {@code AF_INET6}. */
    int addressFamily() {
        return addressFamily;
    }

    /** {@code IPPROTO_ICMP} / {@code IPPROTO_ICMPV6}. */
    int protocol() {
        return protocol;
    }

    int requestType() {
        return requestType;
    }

    int replyType() {
        return replyType;
    }

    /**
     * Whether the sender computes the checksum. The kernel computes ICMPv6 checksums itself
     * (RFC 4443 §2.3 covers a pseudo-header only the kernel knows; raw(7) IPV6_CHECKSUM).
     */
    boolean userChecksum() {
        return userChecksum;
    }
}
