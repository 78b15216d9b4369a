package org.lvsd.ipvs.sched;

import java.util.List;
import java.util.Optional;
import org.lvsd.ipvs.RealServer;

/**
 * "none": ip_vs_add_service accepts this name and binds no scheduler, so ip_vs_schedule finds no
 * destination for new connections (existing connections and persistence templates still work).
 */
final class NoScheduler implements Scheduler {
    @Override
    public String name() {
        return "none";
    }

    @Override
    public void update(List<Candidate> destinations) {
        // no scheduler, no state
    }

    @Override
    public Optional<RealServer> schedule(List<Candidate> destinations, Flow flow) {
        return Optional.empty();
    }
}
