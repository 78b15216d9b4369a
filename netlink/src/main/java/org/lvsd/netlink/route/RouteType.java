package org.lvsd.netlink.route;

import org.lvsd.netlink.NetlinkProtocolException;

/** Route types ({@code rtm_type}, {@code RTN_*} of {@code rtnetlink.h}), in wire order 0..11. */
public enum RouteType {
    /** {@code RTN_UNSPEC}. */
    UNSPEC,
    /** {@code RTN_UNICAST}: a gateway or direct route. */
    UNICAST,
    /** {@code RTN_LOCAL}: accept locally. */
    LOCAL,
    /** {@code RTN_BROADCAST}. */
    BROADCAST,
    /** {@code RTN_ANYCAST}. */
    ANYCAST,
    /** {@code RTN_MULTICAST}. */
    MULTICAST,
    /** {@code RTN_BLACKHOLE}: drop silently. */
    BLACKHOLE,
    /** {@code RTN_UNREACHABLE}: drop with host unreachable. */
    UNREACHABLE,
    /** {@code RTN_PROHIBIT}: drop with administratively prohibited. */
    PROHIBIT,
    /** {@code RTN_THROW}: continue lookup in another table. */
    THROW,
    /** {@code RTN_NAT}. */
    NAT,
    /** {@code RTN_XRESOLVE}. */
    XRESOLVE;

    /** The wire value. */
    public byte byteValue() {
        return (byte) ordinal();
    }

    /** The type for a wire value; a protocol exception for unknown values. */
    public static RouteType valueOf(byte value) {
        RouteType[] all = values();
        if (value < 0 || value >= all.length) {
            throw new NetlinkProtocolException("unknown rtm_type " + Byte.toUnsignedInt(value));
        }
        return all[value];
    }
}
