package org.lvsd.ipvs.sched;

import java.util.List;
import java.util.Optional;
import org.lvsd.ipvs.RealServer;

/**
 * nq (ip_vs_nq.c): the first available destination with no active connection; otherwise the
 * least {@code (activeconns + 1) / weight} as in sed.
 */
final class NeverQueue implements Scheduler {
    @Override
    public String name() {
        return "nq";
    }

    @Override
    public void update(List<Candidate> destinations) {
        // nq keeps no per-service state
    }

    @Override
    public Optional<RealServer> schedule(List<Candidate> destinations, Flow flow) {
        Candidate least = null;
        long loh = 0;
        for (Candidate c : destinations) {
            if (!c.available()) {
                continue;
            }
            long doh = c.activeConns() + 1L;
            if (c.activeConns() == 0) {
                return Optional.of(c.server());
            }
            if (least == null || loh * c.weight() > doh * least.weight()) {
                least = c;
                loh = doh;
            }
        }
        return least == null ? Optional.empty() : Optional.of(least.server());
    }
}
