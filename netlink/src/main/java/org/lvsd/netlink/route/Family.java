package org.lvsd.netlink.route;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Address families used in rtnetlink headers ({@code AF_*} of {@code sys/socket.h}). */
public final class Family {
    /** {@code AF_UNSPEC}: every family (dump filters). */
    public static final int UNSPEC = 0;
    /** {@code AF_INET}. */
    public static final int INET = 2;
    /** {@code AF_INET6}. */
    public static final int INET6 = 10;

    private Family() {
    }

    /** The family of an address. */
    public static int of(InetAddress address) {
        if (address instanceof Inet4Address) {
            return INET;
        }
        if (address instanceof Inet6Address) {
            return INET6;
        }
        throw new IllegalArgumentException("not an IP address: " + address);
    }
}
