package org.lvsd.vrrp.fsm;

import java.net.InetAddress;

/**
 * Every side effect of one instance. Implementations encode and send frames, program
 * addresses and run notifies; they must not block the scheduler thread for long.
 */
public interface VrrpActions {

    /** Send one advertisement with this priority (0 = releasing mastership, RFC 5798 §6.4.3). */
    void sendAdvert(int priority);

    /** Send {@code repeat} gratuitous ARPs (IPv4) or unsolicited NAs (IPv6) for every VIP. */
    void announce(int repeat);

    /** Add the VIPs to the interface. */
    void addVips();

    /** Remove the VIPs from the interface (also used to clean stale ones at start). */
    void removeVips();

    /** A state transition happened (after the actions that belong to it). */
    void notify(Transition transition);

    /**
     * A MASTER heard an advert of lower priority and answered it (keepalived
     * {@code notify_master_rx_lower_pri}, FIFO event {@code MASTER_RX_LOWER_PRI}). Optional.
     */
    default void masterReceivedLowerPriority(InetAddress from, int priority) {
    }

    /**
     * The effective priority changed because of a tracker (keepalived FIFO events
     * {@code MASTER_PRIORITY} / {@code BACKUP_PRIORITY}, {@code notify_priority_changes}). Optional.
     */
    default void priorityChanged(VrrpState state, int from, int to) {
    }
}
