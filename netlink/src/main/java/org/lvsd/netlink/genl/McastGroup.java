package org.lvsd.netlink.genl;

/**
 * A generic netlink multicast group ({@code CTRL_ATTR_MCAST_GRP_*}).
 *
 * @param name group name within its family
 * @param id global group id, to pass to {@code NETLINK_ADD_MEMBERSHIP}
 */
public record McastGroup(String name, int id) {
}
