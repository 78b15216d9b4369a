package org.lvsd.netlink.route;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An interface address as the kernel reports it (RTM_NEWADDR reply or notification).
 *
 * @param ifindex interface index ({@code ifa_index})
 * @param address the local address: {@code IFA_LOCAL}, or {@code IFA_ADDRESS} when absent (IPv6)
 * @param prefixLength {@code ifa_prefixlen}
 * @param scope {@code ifa_scope}, see {@link Scope}
 * @param flags {@code IFA_FLAGS} when present (32 bits), else {@code ifa_flags}; {@code IFA_F_*}
 * @param peer {@code IFA_ADDRESS} when it differs from {@code IFA_LOCAL} (point-to-point)
 * @param broadcast {@code IFA_BROADCAST}
 * @param label {@code IFA_LABEL} (IPv4 only), e.g. "eth0:vip"
 * @param preferredLifetime {@code ifa_cacheinfo.ifa_prefered} in seconds; {@link #FOREVER} when permanent
 * @param validLifetime {@code ifa_cacheinfo.ifa_valid} in seconds; {@link #FOREVER} when permanent
 */
public record IfAddress(int ifindex, InetAddress address, int prefixLength, int scope, int flags,
        Optional<InetAddress> peer, Optional<InetAddress> broadcast, Optional<String> label,
        long preferredLifetime, long validLifetime) {

    /** {@code INFINITY_LIFE_TIME}: the lifetime of a permanent address. */
    public static final long FOREVER = 0xFFFF_FFFFL;
    /** {@code IFA_F_SECONDARY}. */
    public static final int F_SECONDARY = 0x01;
    /** {@code IFA_F_NODAD}. */
    public static final int F_NODAD = 0x02;
    /** {@code IFA_F_DADFAILED}. */
    public static final int F_DADFAILED = 0x08;
    /** {@code IFA_F_DEPRECATED}: an IPv6 address past its preferred lifetime, not chosen as a source. */
    public static final int F_DEPRECATED = 0x20;
    /** {@code IFA_F_TENTATIVE}. */
    public static final int F_TENTATIVE = 0x40;
    /** {@code IFA_F_PERMANENT}. */
    public static final int F_PERMANENT = 0x80;
    /** {@code IFA_F_NOPREFIXROUTE}. */
    public static final int F_NOPREFIXROUTE = 0x200;

    /** The address family ({@link Family#INET} or {@link Family#INET6}). */
    public int family() {
        return Family.of(address);
    }

    /** "198.51.100.100/24". */
    public String cidr() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
