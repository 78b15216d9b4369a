package org.lvsd.ipvs.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lvsd.ipvs.RealServer;

/**
 * rr (ip_vs_rr.c): cycles through the list from the last chosen destination, skipping
 * overloaded and weight-0 destinations. When the last chosen destination is removed the cursor
 * moves to its predecessor, as ip_vs_rr_del_dest does.
 */
final class RoundRobin implements Scheduler {
    private RealServer cursor;
    private List<RealServer> order = List.of();

    @Override
    public String name() {
        return "rr";
    }

    @Override
    public void update(List<Candidate> destinations) {
        List<RealServer> now = new ArrayList<>();
        destinations.forEach(c -> now.add(c.server()));
        if (cursor != null && !now.contains(cursor)) {
            RealServer predecessor = null;
            for (int i = order.indexOf(cursor) - 1; i >= 0; i--) {
                if (now.contains(order.get(i))) {
                    predecessor = order.get(i);
                    break;
                }
            }
            cursor = predecessor;
        }
        order = List.copyOf(now);
    }

    @Override
    public Optional<RealServer> schedule(List<Candidate> destinations, Flow flow) {
        int n = destinations.size();
        int start = 0;
        if (cursor != null) {
            for (int i = 0; i < n; i++) {
                if (destinations.get(i).server().equals(cursor)) {
                    start = i + 1;
                    break;
                }
            }
        }
        for (int step = 0; step < n; step++) {
            Candidate c = destinations.get((start + step) % n);
            if (c.available()) {
                cursor = c.server();
                return Optional.of(c.server());
            }
        }
        return Optional.empty();
    }
}
