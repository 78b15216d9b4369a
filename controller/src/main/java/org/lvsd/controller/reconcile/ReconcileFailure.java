package org.lvsd.controller.reconcile;

import java.util.Objects;
import java.util.Optional;
import org.lvsd.ipvs.ChangeFailure;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.format.IpvsadmCommand;

/**
 * Something a reconcile could not do: a change the driver refused, reading the table, or a batch
 * whose outcome the driver could not tell; with the errno by name and the driver's message.
 *
 * @param change the refused change, empty when the failure is not one change's
 * @param operation what failed, in ipvsadm's words for a change
 * @param errno why
 * @param detail the driver's message, naming the object
 */
public record ReconcileFailure(Optional<TableChange> change, String operation, Errno errno, String detail) {

    public ReconcileFailure {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(errno, "errno");
        Objects.requireNonNull(detail, "detail");
    }

    /** A change of the batch the driver refused. */
    static ReconcileFailure refused(ChangeFailure f) {
        return new ReconcileFailure(Optional.of(f.change()), "ipvsadm " + IpvsadmCommand.of(f.change()),
                f.error().reason(), f.error().getMessage());
    }

    /** Listing the table failed. */
    static ReconcileFailure reading(IpvsException e) {
        return new ReconcileFailure(Optional.empty(), "reading the IPVS table (ipvsadm -Ln)", e.reason(),
                e.getMessage());
    }

    /** The driver could not tell which changes of the batch took effect. */
    static ReconcileFailure applying(int changes, IpvsException e) {
        return new ReconcileFailure(Optional.empty(), "applying a batch of " + changes + " changes", e.reason(),
                e.getMessage());
    }

    /**
     * For example {@code ipvsadm -a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1 failed with EEXIST:
     * TCP 198.51.100.100:80 -> 198.51.100.21:80: destination already exists}.
     */
    public String message() {
        return operation + " failed with " + errno.name() + ": " + detail;
    }
}
