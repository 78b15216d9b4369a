package org.lvsd.ipvs.table;

import java.util.ArrayList;
import java.util.List;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.sched.Candidate;
import org.lvsd.ipvs.sched.Scheduler;

/** A service inside the in-memory table. Destinations are kept in the kernel's order: newest first. */
final class ServiceState {
    VirtualService config;
    Scheduler scheduler;
    final List<DestState> destinations = new ArrayList<>();
    Stats stats = Stats.ZERO;
    final RateEstimator estimator = new RateEstimator();

    ServiceState(VirtualService config, Scheduler scheduler) {
        this.config = config;
        this.scheduler = scheduler;
        scheduler.update(candidates());
    }

    DestState find(RealServer server) {
        for (DestState d : destinations) {
            if (d.config.server().equals(server)) {
                return d;
            }
        }
        return null;
    }

    List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>(destinations.size());
        for (DestState d : destinations) {
            out.add(d.candidate());
        }
        return out;
    }

    /** Tells the scheduler the destination list changed (add_dest / del_dest / upd_dest). */
    void destinationsChanged() {
        scheduler.update(candidates());
    }

    ServiceEntry entry() {
        List<DestinationEntry> dests = new ArrayList<>();
        for (DestState d : destinations) {
            dests.add(d.entry());
        }
        return new ServiceEntry(config, estimator.read(stats), dests);
    }
}
