package org.lvsd.ipvs.sched;

import java.util.List;
import java.util.Optional;
import org.lvsd.ipvs.RealServer;

/**
 * lc (ip_vs_lc.c): the available destination with the smallest overhead
 * ({@code activeconns * 256 + inactconns}); the first in list order wins a tie.
 */
final class LeastConnection implements Scheduler {
    @Override
    public String name() {
        return "lc";
    }

    @Override
    public void update(List<Candidate> destinations) {
        // lc keeps no per-service state
    }

    @Override
    public Optional<RealServer> schedule(List<Candidate> destinations, Flow flow) {
        Candidate least = null;
        long loh = 0;
        for (Candidate c : destinations) {
            if (!c.available()) {
                continue;
            }
            long doh = c.connOverhead();
            if (least == null || doh < loh) {
                least = c;
                loh = doh;
            }
        }
        return least == null ? Optional.empty() : Optional.of(least.server());
    }
}
