package org.lvsd.ipvs.kernel;

import org.lvsd.netlink.NetlinkProtocolException;

/** The generic netlink commands of family IPVS ({@code IPVS_CMD_*} in include/uapi/linux/ip_vs.h). */
public enum IpvsCommand {
    /** Add a service; also the command of GET_SERVICE replies. */
    NEW_SERVICE(1),
    /** Modify a service. */
    SET_SERVICE(2),
    /** Delete a service. */
    DEL_SERVICE(3),
    /** Get one service, or dump all. */
    GET_SERVICE(4),
    /** Add a destination; also the command of GET_DEST replies. */
    NEW_DEST(5),
    /** Modify a destination. */
    SET_DEST(6),
    /** Delete a destination. */
    DEL_DEST(7),
    /** Dump the destinations of one service. */
    GET_DEST(8),
    /** Start a sync daemon; also the command of GET_DAEMON replies. */
    NEW_DAEMON(9),
    /** Stop a sync daemon. */
    DEL_DAEMON(10),
    /** Dump the running sync daemons. */
    GET_DAEMON(11),
    /** Set the timeouts; also the command of GET_CONFIG replies. */
    SET_CONFIG(12),
    /** Get the timeouts. */
    GET_CONFIG(13),
    /** Only the command of GET_INFO replies. */
    SET_INFO(14),
    /** Get version and connection table size. */
    GET_INFO(15),
    /** Zero the counters of all services or of one. */
    ZERO(16),
    /** Delete every service. */
    FLUSH(17);

    private final int value;

    IpvsCommand(int value) {
        this.value = value;
    }

    /** The {@code genlmsghdr.cmd} value. */
    public int value() {
        return value;
    }

    /** The command with this number; a protocol exception for unknown ones. */
    public static IpvsCommand valueOf(int value) {
        for (IpvsCommand c : values()) {
            if (c.value == value) {
                return c;
            }
        }
        throw new NetlinkProtocolException("unknown IPVS command " + value);
    }
}
