package org.lvsd.conf.model;

import java.util.Optional;

/**
 * The notify scripts of an instance or sync group (keepalived.conf(5) {@code notify_*}).
 *
 * @param master {@code notify_master}
 * @param backup {@code notify_backup}
 * @param fault {@code notify_fault}
 * @param stop {@code notify_stop}
 * @param deleted {@code notify_deleted}
 * @param any {@code notify}, which gets type, name, state and priority appended
 * @param masterRxLowerPri {@code notify_master_rx_lower_pri}
 */
public record Notify(Optional<Command> master, Optional<Command> backup, Optional<Command> fault,
        Optional<Command> stop, Optional<Command> deleted, Optional<Command> any,
        Optional<Command> masterRxLowerPri) {
}
