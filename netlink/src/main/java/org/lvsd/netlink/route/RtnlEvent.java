package org.lvsd.netlink.route;

/** An rtnetlink notification that {@link RtnlWatcher} decodes. */
public sealed interface RtnlEvent permits LinkEvent, AddressEvent {

    /** Whether the object was removed (RTM_DEL*) rather than created or changed (RTM_NEW*). */
    boolean removed();
}
