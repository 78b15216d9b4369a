package org.lvsd.conf.model;

import java.net.Inet6Address;
import java.net.InetAddress;

/** IPv4 or IPv6, spelled {@code inet} and {@code inet6} as in keepalived.conf(5). */
public enum AddressFamily {
    INET,
    INET6;

    public static AddressFamily of(InetAddress a) {
        return a instanceof Inet6Address ? INET6 : INET;
    }
}
