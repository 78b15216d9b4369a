package org.lvsd.ipvs;

import java.net.Inet4Address;
import java.net.InetAddress;

/** Address family of a service or destination, with the Linux AF_* numbers. */
public enum AddressFamily {
    INET(2),
    INET6(10);

    private final int value;

    AddressFamily(int value) {
        this.value = value;
    }

    /** The Linux AF_INET / AF_INET6 number. */
    public int value() {
        return value;
    }

    /** The family of an address. */
    public static AddressFamily of(InetAddress address) {
        return address instanceof Inet4Address ? INET : INET6;
    }
}
