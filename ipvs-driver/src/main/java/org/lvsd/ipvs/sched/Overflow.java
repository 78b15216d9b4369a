package org.lvsd.ipvs.sched;

import java.util.List;
import java.util.Optional;
import org.lvsd.ipvs.RealServer;

/**
 * ovf (ip_vs_ovf.c): the highest-weight available destination whose active connections do not
 * exceed its weight; the first wins a tie.
 */
final class Overflow implements Scheduler {
    @Override
    public String name() {
        return "ovf";
    }

    @Override
    public void update(List<Candidate> destinations) {
        // ovf keeps no per-service state
    }

    @Override
    public Optional<RealServer> schedule(List<Candidate> destinations, Flow flow) {
        Candidate highest = null;
        for (Candidate c : destinations) {
            int w = c.weight();
            if (c.overloaded() || c.activeConns() > w || w == 0) {
                continue;
            }
            if (highest == null || w > highest.weight()) {
                highest = c;
            }
        }
        return highest == null ? Optional.empty() : Optional.of(highest.server());
    }
}
