package org.lvsd.vrrp.notify;

import java.util.List;
import java.util.Objects;

/**
 * The notify scripts of one instance or sync group, each as argv (empty = not configured).
 *
 * @param master  {@code notify_master}
 * @param backup  {@code notify_backup}
 * @param fault   {@code notify_fault}
 * @param stop    {@code notify_stop}
 * @param generic {@code notify}: gets {@code INSTANCE|GROUP NAME STATE PRIORITY} appended
 * @param masterRxLowerPri {@code notify_master_rx_lower_pri}: a MASTER heard a lower priority
 */
public record NotifyScripts(List<String> master, List<String> backup, List<String> fault, List<String> stop,
                            List<String> generic, List<String> masterRxLowerPri) {

    public static final NotifyScripts NONE = new NotifyScripts(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());

    public NotifyScripts {
        master = List.copyOf(Objects.requireNonNull(master, "master"));
        backup = List.copyOf(Objects.requireNonNull(backup, "backup"));
        fault = List.copyOf(Objects.requireNonNull(fault, "fault"));
        stop = List.copyOf(Objects.requireNonNull(stop, "stop"));
        generic = List.copyOf(Objects.requireNonNull(generic, "generic"));
        masterRxLowerPri = List.copyOf(Objects.requireNonNull(masterRxLowerPri, "masterRxLowerPri"));
    }
}
