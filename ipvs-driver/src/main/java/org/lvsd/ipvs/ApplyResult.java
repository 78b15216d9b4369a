package org.lvsd.ipvs;

import java.util.ArrayList;
import java.util.List;

/**
 * Outcome of {@link IpvsDriver#apply}, change by change: each change of the batch either took
 * effect or is among the failures with its index. A refused change never stops the others (the
 * kernel handles each request of a batch on its own), so a change after a refused one may be
 * refused in turn, for example a destination of a service that could not be added.
 *
 * @param changes the batch, in order
 * @param failures the refused changes, in batch order
 */
public record ApplyResult(List<TableChange> changes, List<ChangeFailure> failures) {

    /** Copies the lists; every failure must name its change at its index, in increasing order. */
    public ApplyResult {
        changes = List.copyOf(changes);
        failures = List.copyOf(failures);
        int last = -1;
        for (ChangeFailure f : failures) {
            if (f.index() <= last || f.index() >= changes.size() || !changes.get(f.index()).equals(f.change())) {
                throw new IllegalArgumentException("failure " + f.index() + " is not a change of the batch in order");
            }
            last = f.index();
        }
    }

    /** Whether every change took effect. */
    public boolean allApplied() {
        return failures.isEmpty();
    }

    /** The changes that took effect, in batch order. */
    public List<TableChange> applied() {
        List<TableChange> out = new ArrayList<>(changes.size() - failures.size());
        int next = 0;
        for (int i = 0; i < changes.size(); i++) {
            if (next < failures.size() && failures.get(next).index() == i) {
                next++;
            } else {
                out.add(changes.get(i));
            }
        }
        return out;
    }
}
