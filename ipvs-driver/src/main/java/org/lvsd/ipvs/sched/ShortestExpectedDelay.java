package org.lvsd.ipvs.sched;

import java.util.List;
import java.util.Optional;
import org.lvsd.ipvs.RealServer;

/** sed (ip_vs_sed.c): least {@code (activeconns + 1) / weight}; inactive connections do not count. */
final class ShortestExpectedDelay implements Scheduler {
    @Override
    public String name() {
        return "sed";
    }

    @Override
    public void update(List<Candidate> destinations) {
        // sed keeps no per-service state
    }

    @Override
    public Optional<RealServer> schedule(List<Candidate> destinations, Flow flow) {
        Candidate least = WeightedLeast.pick(destinations, c -> c.activeConns() + 1L);
        return least == null ? Optional.empty() : Optional.of(least.server());
    }
}
