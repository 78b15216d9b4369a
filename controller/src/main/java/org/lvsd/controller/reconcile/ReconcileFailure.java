package org.lvsd.controller.reconcile;

import java.util.Objects;
import java.util.Optional;
import org.lvsd.ipvs.Errno;

/**
 * A reconcile that stopped: the change the driver refused (empty when reading the table failed),
 * the errno by name and the driver's message.
 *
 * @param change the refused change
 * @param errno why
 * @param detail the driver's message, naming the object
 */
public record ReconcileFailure(Optional<Change> change, Errno errno, String detail) {

    public ReconcileFailure {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(errno, "errno");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * For example {@code ipvsadm -a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1 failed with EEXIST:
     * TCP 198.51.100.100:80 -> 198.51.100.21:80: destination already exists}.
     */
    public String message() {
        String what = change.map(c -> "ipvsadm " + c).orElse("reading the IPVS table (ipvsadm -Ln)");
        return what + " failed with " + errno.name() + ": " + detail;
    }
}
