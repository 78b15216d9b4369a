package org.lvsd.netlink.route;

import org.lvsd.netlink.NetlinkProtocolException;

/** RFC 2863 operational state of a link ({@code IFLA_OPERSTATE}, {@code IF_OPER_*} of {@code if.h}). */
public enum OperState {
    /** {@code IF_OPER_UNKNOWN}: the driver does not report it (e.g. dummy, lo). */
    UNKNOWN,
    /** {@code IF_OPER_NOTPRESENT}. */
    NOTPRESENT,
    /** {@code IF_OPER_DOWN}. */
    DOWN,
    /** {@code IF_OPER_LOWERLAYERDOWN}. */
    LOWERLAYERDOWN,
    /** {@code IF_OPER_TESTING}. */
    TESTING,
    /** {@code IF_OPER_DORMANT}. */
    DORMANT,
    /** {@code IF_OPER_UP}. */
    UP;

    /** The wire value (the constant's position, 0..6). */
    public byte byteValue() {
        return (byte) ordinal();
    }

    /** The state for a wire value; a protocol exception for values outside 0..6. */
    public static OperState valueOf(byte value) {
        OperState[] all = values();
        if (value < 0 || value >= all.length) {
            throw new NetlinkProtocolException("unknown IFLA_OPERSTATE " + value);
        }
        return all[value];
    }
}
