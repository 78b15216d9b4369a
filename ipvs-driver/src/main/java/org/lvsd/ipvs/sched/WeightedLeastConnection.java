package org.lvsd.ipvs.sched;

import java.util.List;
import java.util.Optional;
import org.lvsd.ipvs.RealServer;

/** wlc (ip_vs_wlc.c): least {@code (activeconns * 256 + inactconns) / weight}. */
final class WeightedLeastConnection implements Scheduler {
    @Override
    public String name() {
        return "wlc";
    }

    @Override
    public void update(List<Candidate> destinations) {
        // wlc keeps no per-service state
    }

    @Override
    public Optional<RealServer> schedule(List<Candidate> destinations, Flow flow) {
        Candidate least = WeightedLeast.pick(destinations, Candidate::connOverhead);
        return least == null ? Optional.empty() : Optional.of(least.server());
    }
}
