package org.lvsd.vrrp.fsm;

import java.net.InetAddress;

/**
 * Events of one instance for notifies, FIFOs, logs and metrics (keepalived reference §1.7,
 * §4.6). Called on the scheduler's thread after the actions that belong to the event.
 */
public interface VrrpListener {

    /** A state transition happened. */
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
