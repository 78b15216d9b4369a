package org.lvsd.ipvs.sched;

import java.util.List;
import java.util.Optional;
import org.lvsd.ipvs.RealServer;

/** fo (ip_vs_fo.c): the available destination with the highest weight; the first wins a tie. */
final class Failover implements Scheduler {
    @Override
    public String name() {
        return "fo";
    }

    @Override
    public void update(List<Candidate> destinations) {
        // fo keeps no per-service state
    }

    @Override
    public Optional<RealServer> schedule(List<Candidate> destinations, Flow flow) {
        Candidate highest = null;
        for (Candidate c : destinations) {
            if (c.available() && (highest == null || c.weight() > highest.weight())) {
                highest = c;
            }
        }
        return highest == null ? Optional.empty() : Optional.of(highest.server());
    }
}
