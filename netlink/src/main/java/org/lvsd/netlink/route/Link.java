package org.lvsd.netlink.route;

import java.util.Optional;

/**
 * A network interface as RTM_NEWLINK describes it.
 *
 * @param ifindex {@code ifi_index}
 * @param name {@code IFLA_IFNAME}
 * @param flags {@code ifi_flags}, {@code IFF_*} of {@code if.h}
 * @param mtu {@code IFLA_MTU}
 * @param operState {@code IFLA_OPERSTATE} ({@link OperState#UNKNOWN} when absent)
 * @param address {@code IFLA_ADDRESS}: the MAC for Ethernet-like links
 * @param kind {@code IFLA_LINKINFO / IFLA_INFO_KIND}: "veth", "dummy", "macvlan", ...
 */
public record Link(int ifindex, String name, int flags, int mtu, OperState operState,
        Optional<HardwareAddress> address, Optional<String> kind) {
    /** {@code IFF_UP}: administratively up. */
    public static final int IFF_UP = 0x1;
    /** {@code IFF_BROADCAST}. */
    public static final int IFF_BROADCAST = 0x2;
    /** {@code IFF_LOOPBACK}. */
    public static final int IFF_LOOPBACK = 0x8;
    /** {@code IFF_RUNNING}: operationally up (RFC 2863 "up" or "unknown"). */
    public static final int IFF_RUNNING = 0x40;
    /** {@code IFF_NOARP}. */
    public static final int IFF_NOARP = 0x80;
    /** {@code IFF_MULTICAST}. */
    public static final int IFF_MULTICAST = 0x1000;
    /** {@code IFF_LOWER_UP}: carrier present. */
    public static final int IFF_LOWER_UP = 0x10000;

    /** Whether {@code IFF_UP} is set. */
    public boolean isUp() {
        return (flags & IFF_UP) != 0;
    }

    /** Whether {@code IFF_RUNNING} is set. */
    public boolean isRunning() {
        return (flags & IFF_RUNNING) != 0;
    }

    /** Whether {@code IFF_LOWER_UP} is set. */
    public boolean isLowerUp() {
        return (flags & IFF_LOWER_UP) != 0;
    }
}
