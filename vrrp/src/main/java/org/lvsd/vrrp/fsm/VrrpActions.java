package org.lvsd.vrrp.fsm;

/**
 * Every side effect of one instance: I/O here, events through {@link VrrpListener}.
 * Implementations encode and send frames, program addresses and run notifies; they must not
 * block the scheduler thread for long.
 */
public interface VrrpActions extends VrrpListener {

    /** Send one advertisement with this priority (0 = releasing mastership, RFC 5798 §6.4.3). */
    void sendAdvert(int priority);

    /** Send {@code repeat} gratuitous ARPs (IPv4) or unsolicited NAs (IPv6) for every VIP. */
    void announce(int repeat);

    /** Add the VIPs to the interface. */
    void addVips();

    /** Remove the VIPs from the interface (also used to clean stale ones at start). */
    void removeVips();
}
