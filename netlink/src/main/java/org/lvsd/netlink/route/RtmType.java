package org.lvsd.netlink.route;

/** rtnetlink message types ({@code RTM_*} of {@code include/uapi/linux/rtnetlink.h}). */
public final class RtmType {
    /** {@code RTM_NEWLINK}. */
    public static final int NEWLINK = 16;
    /** {@code RTM_DELLINK}. */
    public static final int DELLINK = 17;
    /** {@code RTM_GETLINK}. */
    public static final int GETLINK = 18;
    /** {@code RTM_NEWADDR}. */
    public static final int NEWADDR = 20;
    /** {@code RTM_DELADDR}. */
    public static final int DELADDR = 21;
    /** {@code RTM_GETADDR}. */
    public static final int GETADDR = 22;
    /** {@code RTM_NEWROUTE}. */
    public static final int NEWROUTE = 24;
    /** {@code RTM_DELROUTE}. */
    public static final int DELROUTE = 25;
    /** {@code RTM_GETROUTE}. */
    public static final int GETROUTE = 26;
    /** {@code RTM_NEWRULE}. */
    public static final int NEWRULE = 32;
    /** {@code RTM_DELRULE}. */
    public static final int DELRULE = 33;
    /** {@code RTM_GETRULE}. */
    public static final int GETRULE = 34;
    /** {@code RTM_NEWNEIGH}. */
    public static final int NEWNEIGH = 28;
    /** {@code RTM_DELNEIGH}. */
    public static final int DELNEIGH = 29;
    /** {@code RTM_GETNEIGH}. */
    public static final int GETNEIGH = 30;

    /** {@code RTNLGRP_LINK}: multicast group of link notifications. */
    public static final int GROUP_LINK = 1;
    /** {@code RTNLGRP_IPV4_IFADDR}. */
    public static final int GROUP_IPV4_IFADDR = 5;
    /** {@code RTNLGRP_IPV6_IFADDR}. */
    public static final int GROUP_IPV6_IFADDR = 9;

    private RtmType() {
    }
}
