package org.lvsd.ipvs.sched;

import java.util.List;
import java.util.Optional;
import org.lvsd.ipvs.RealServer;

/**
 * One scheduler instance per service, as the kernel keeps {@code svc->sched_data}.
 *
 * <p>{@link #update} mirrors the kernel's init_service/add_dest/del_dest/upd_dest callbacks: it is
 * called with the service's destination list (kernel order) whenever a destination is added,
 * removed or edited. {@link #schedule} gets the same list with current counters.
 */
public interface Scheduler {

    /** The scheduler's name ("wrr"). */
    String name();

    /** The destination list changed (or the service was created). */
    void update(List<Candidate> destinations);

    /** Picks a destination for a new flow; empty when none is available. */
    Optional<RealServer> schedule(List<Candidate> destinations, Flow flow);
}
