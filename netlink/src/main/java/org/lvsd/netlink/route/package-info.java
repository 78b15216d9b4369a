/**
 * rtnetlink ({@code NETLINK_ROUTE}): codecs for {@code ifaddrmsg} (RTM_NEWADDR / DELADDR /
 * GETADDR), {@code rtmsg} (RTM_NEWROUTE / DELROUTE / GETROUTE), {@code fib_rule_hdr}
 * (RTM_NEWRULE / DELRULE / GETRULE), {@code ifinfomsg} (RTM_GETLINK
 * replies and RTM_NEWLINK / DELLINK notifications) and {@code ndmsg} (RTM_GETNEIGH), and the
 * {@link org.lvsd.netlink.route.RtNetlink} facade that VIP and route handling use.
 *
 * <p>Layouts follow {@code include/uapi/linux/rtnetlink.h}, {@code if_addr.h}, {@code if_link.h},
 * {@code if.h}, {@code fib_rules.h} and {@code neighbour.h}.
 *
 * @see <a href="https://man7.org/linux/man-pages/man7/rtnetlink.7.html">rtnetlink(7)</a>
 */
package org.lvsd.netlink.route;
