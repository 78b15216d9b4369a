package org.lvsd.netlink.socket;

import java.util.List;

/**
 * Outcome of a pipelined batch: every request was answered; these failed.
 *
 * @param sent number of requests sent
 * @param failures the failed requests, in batch order
 */
public record BatchResult(int sent, List<BatchFailure> failures) {

    /** Copies the failure list. */
    public BatchResult {
        failures = List.copyOf(failures);
    }

    /** Whether every request was acknowledged without error. */
    public boolean allSucceeded() {
        return failures.isEmpty();
    }
}
