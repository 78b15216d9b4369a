package org.lvsd.netlink.route;

/**
 * A link notification from {@code RTNLGRP_LINK}: RTM_NEWLINK (created or changed) or
 * RTM_DELLINK (removed).
 *
 * @param removed true for RTM_DELLINK
 * @param link the link's state in the notification
 */
public record LinkEvent(boolean removed, Link link) implements RtnlEvent {
}
