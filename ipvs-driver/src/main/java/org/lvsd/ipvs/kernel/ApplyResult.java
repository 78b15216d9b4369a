package org.lvsd.ipvs.kernel;

import java.util.List;

/**
 * Outcome of {@link KernelIpvsDriver#apply}: how many changes were sent and which the kernel
 * refused, in batch order. The kernel handles each change on its own, so the others took effect.
 *
 * @param sent number of changes sent
 * @param failures the refused ones
 */
public record ApplyResult(int sent, List<ChangeFailure> failures) {

    /** Copies the list. */
    public ApplyResult {
        failures = List.copyOf(failures);
    }

    /** Whether every change was acknowledged. */
    public boolean allApplied() {
        return failures.isEmpty();
    }
}
