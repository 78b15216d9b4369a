package org.lvsd.controller.reconcile;

import java.time.Duration;
import java.util.Objects;

/**
 * Counters since start, for metrics.
 *
 * @param appliedChanges changes applied successfully
 * @param repairs applied changes that undid a change someone else made to lvsd's entries
 * @param failures driver errors: refused changes, failed reads of the table, batches with an unknown outcome
 * @param lastDuration how long the last reconcile took
 */
public record ReconcileStats(long appliedChanges, long repairs, long failures, Duration lastDuration) {

    /** Nothing yet. */
    public static final ReconcileStats ZERO = new ReconcileStats(0, 0, 0, Duration.ZERO);

    public ReconcileStats {
        Objects.requireNonNull(lastDuration, "lastDuration");
    }

    /** These counters after {@code run}. */
    public ReconcileStats plus(ReconcileRun run) {
        return new ReconcileStats(appliedChanges + run.applied().size(), repairs + run.repairs(),
                failures + run.failures().size(), run.took());
    }
}
