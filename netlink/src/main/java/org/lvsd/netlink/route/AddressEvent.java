package org.lvsd.netlink.route;

/**
 * An address notification from {@code RTNLGRP_IPV4_IFADDR} / {@code RTNLGRP_IPV6_IFADDR}:
 * RTM_NEWADDR (added or changed) or RTM_DELADDR (removed, e.g. a VIP deleted by someone else).
 *
 * @param removed true for RTM_DELADDR
 * @param address the address
 */
public record AddressEvent(boolean removed, IfAddress address) implements RtnlEvent {
}
