package org.lvsd.controller.reconcile;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.lvsd.ipvs.TableChange;

/**
 * What one reconcile did.
 *
 * @param applied the changes that took effect, in order
 * @param repairs how many of them undid a change someone else made to lvsd's entries
 * @param failures what went wrong: each refused change (the others still applied), or the one
 *     failure that kept the reconcile from applying anything it knows of
 * @param took how long it took
 */
public record ReconcileRun(List<TableChange> applied, int repairs, List<ReconcileFailure> failures, Duration took) {

    public ReconcileRun {
        applied = List.copyOf(applied);
        failures = List.copyOf(failures);
        Objects.requireNonNull(took, "took");
    }
}
