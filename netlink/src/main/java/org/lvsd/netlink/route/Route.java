package org.lvsd.netlink.route;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A route, as requested or as the kernel reports it.
 *
 * @param destination {@code RTA_DST} (the zero address for a default route)
 * @param dstLength {@code rtm_dst_len}
 * @param type {@code rtm_type}
 * @param table {@code RTA_TABLE} (or {@code rtm_table}); {@link #TABLE_MAIN} = 254
 * @param protocol {@code rtm_protocol}: who installed it ({@link #PROTO_BOOT}, {@link #PROTO_STATIC}, ...)
 * @param scope {@code rtm_scope}, see {@link Scope}
 * @param gateway {@code RTA_GATEWAY}
 * @param oif {@code RTA_OIF}: output interface index
 * @param prefSrc {@code RTA_PREFSRC}: preferred source address
 * @param priority {@code RTA_PRIORITY}: the metric
 */
public record Route(InetAddress destination, int dstLength, RouteType type, int table, int protocol, int scope,
        Optional<InetAddress> gateway, OptionalInt oif, Optional<InetAddress> prefSrc, OptionalInt priority) {
    /** {@code RT_TABLE_MAIN}. */
    public static final int TABLE_MAIN = 254;
    /** {@code RT_TABLE_LOCAL}. */
    public static final int TABLE_LOCAL = 255;
    /** {@code RTPROT_UNSPEC}: matches any protocol in a delete. */
    public static final int PROTO_UNSPEC = 0;
    /** {@code RTPROT_KERNEL}: installed by the kernel (prefix routes). */
    public static final int PROTO_KERNEL = 2;
    /** {@code RTPROT_BOOT}: ip(8)'s default. */
    public static final int PROTO_BOOT = 3;
    /** {@code RTPROT_STATIC}: installed by the administrator. */
    public static final int PROTO_STATIC = 4;
    /** {@code RTPROT_KEEPALIVED}. */
    public static final int PROTO_KEEPALIVED = 18;

    /** Checks the prefix length against the family. */
    public Route {
        int max = Family.of(destination) == Family.INET ? 32 : 128;
        if (dstLength < 0 || dstLength > max) {
            throw new IllegalArgumentException("prefix length " + dstLength + " for " + destination.getHostAddress());
        }
    }

    /** A unicast route through a gateway in the main table ({@code ip route add DST/LEN via GW}). */
    public static Route via(InetAddress destination, int dstLength, InetAddress gateway) {
        return new Route(destination, dstLength, RouteType.UNICAST, TABLE_MAIN, PROTO_BOOT, Scope.UNIVERSE,
                Optional.of(gateway), OptionalInt.empty(), Optional.empty(), OptionalInt.empty());
    }

    /** A direct (link-scope) route out of an interface ({@code ip route add DST/LEN dev IF}). */
    public static Route direct(InetAddress destination, int dstLength, int oif) {
        return new Route(destination, dstLength, RouteType.UNICAST, TABLE_MAIN, PROTO_BOOT, Scope.LINK,
                Optional.empty(), OptionalInt.of(oif), Optional.empty(), OptionalInt.empty());
    }

    /** A route without next hop: {@link RouteType#BLACKHOLE}, {@code UNREACHABLE} or {@code PROHIBIT}. */
    public static Route reject(RouteType type, InetAddress destination, int dstLength) {
        return new Route(destination, dstLength, type, TABLE_MAIN, PROTO_BOOT, Scope.UNIVERSE,
                Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty());
    }

    /** The same in another table. */
    public Route withTable(int t) {
        return new Route(destination, dstLength, type, t, protocol, scope, gateway, oif, prefSrc, priority);
    }

    /** The same with another protocol. */
    public Route withProtocol(int p) {
        return new Route(destination, dstLength, type, table, p, scope, gateway, oif, prefSrc, priority);
    }

    /** The same with an output interface. */
    public Route withOif(int ifindex) {
        return new Route(destination, dstLength, type, table, protocol, scope, gateway, OptionalInt.of(ifindex),
                prefSrc, priority);
    }

    /** The same with a preferred source address. */
    public Route withPrefSrc(InetAddress src) {
        return new Route(destination, dstLength, type, table, protocol, scope, gateway, oif, Optional.of(src), priority);
    }

    /** The same with a metric. */
    public Route withPriority(int metric) {
        return new Route(destination, dstLength, type, table, protocol, scope, gateway, oif, prefSrc,
                OptionalInt.of(metric));
    }

    /** The address family. */
    public int family() {
        return Family.of(destination);
    }

    /** "198.51.100.128/25 via 198.51.100.1 table 254", for messages. */
    public String describe() {
        return (type == RouteType.UNICAST ? "" : type.name().toLowerCase(java.util.Locale.ROOT) + " ")
                + destination.getHostAddress() + "/" + dstLength
                + gateway.map(g -> " via " + g.getHostAddress()).orElse("")
                + (oif.isPresent() ? " oif " + oif.getAsInt() : "") + " table " + table;
    }
}
