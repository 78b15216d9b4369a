/**
 * VIPs and virtual routes in the kernel through rtnetlink (rtnetlink(7): RTM_NEWADDR /
 * RTM_DELADDR, RTM_NEWROUTE / RTM_DELROUTE; notifications of RTNLGRP_LINK and
 * RTNLGRP_IPV4_IFADDR / RTNLGRP_IPV6_IFADDR). {@link org.lvsd.vrrp.addr.RtnlAddressManager}
 * is the production {@link org.lvsd.vrrp.io.AddressManager}: keepalived.conf(5)
 * {@code virtual_ipaddress} entries ({@code dev}, {@code label}, {@code scope}, {@code brd},
 * {@code -nodad}, {@code preferred_lft}) become {@link org.lvsd.vrrp.addr.VipSpec}s and
 * {@code virtual_routes} become netlink routes. {@link org.lvsd.vrrp.addr.AddressWatcher}
 * reports addresses removed by others (keepalived reference §2.13, external VIP deletion) and
 * link up/down for interface trackers, re-reading the kernel state after ENOBUFS.
 */
package org.lvsd.vrrp.addr;
