package org.lvsd.ipvs.sched;

import java.util.List;

/**
 * A scheduler that keeps no per-service state: its kernel module registers no init_service,
 * add_dest, del_dest or upd_dest callback (ip_vs_lc.c, ip_vs_wlc.c, ip_vs_sed.c, ip_vs_nq.c,
 * ip_vs_fo.c, ip_vs_ovf.c; "none" binds no module at all), so a destination change has nothing
 * to rebuild and each flow is decided from the destination list alone.
 */
abstract class StatelessScheduler implements Scheduler {
    private final String name;

    StatelessScheduler(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void update(List<Candidate> destinations) {
        // no per-service state
    }
}
