package org.lvsd.conf.model;

/** Route types of {@code virtual_routes} entries, as {@code ip route} spells them. */
public enum RouteType {
    UNICAST,
    BLACKHOLE,
    UNREACHABLE,
    PROHIBIT
}
