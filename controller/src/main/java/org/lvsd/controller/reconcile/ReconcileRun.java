package org.lvsd.controller.reconcile;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one reconcile did.
 *
 * @param applied the changes applied, in order
 * @param repairs how many of them undid a change someone else made to lvsd's entries
 * @param failure why it stopped early, if it did
 * @param took how long it took
 */
public record ReconcileRun(List<Change> applied, int repairs, Optional<ReconcileFailure> failure, Duration took) {

    public ReconcileRun {
        applied = List.copyOf(applied);
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(took, "took");
    }
}
