package org.lvsd.vrrp.codec;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** IPv4 or IPv6: fixes the address length in adverts and the checksum pseudo-header. */
public enum AddressFamily {
    INET(4),
    INET6(16);

    private final int addressLength;

    AddressFamily(int addressLength) {
        this.addressLength = addressLength;
    }

    public int addressLength() {
        return addressLength;
    }

    public boolean contains(InetAddress address) {
        return this == INET ? address instanceof Inet4Address : address instanceof Inet6Address;
    }

    public static AddressFamily of(InetAddress address) {
        return address instanceof Inet4Address ? INET : INET6;
    }
}
