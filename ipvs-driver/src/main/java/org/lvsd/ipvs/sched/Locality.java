package org.lvsd.ipvs.sched;

import java.util.List;
import org.lvsd.ipvs.RealServer;

/** Helpers shared by lblc and lblcr (ip_vs_lblc.c, ip_vs_lblcr.c). */
final class Locality {
    /** sysctl lblc_expiration / lblcr_expiration default: 24 hours. */
    static final long EXPIRATION_MILLIS = 24L * 60 * 60 * 1000;

    private Locality() {
    }

    /**
     * is_overloaded(dest, svc): a destination with more active connections than its weight counts as
     * overloaded when some destination of the service is below half its weight in active connections.
     */
    static boolean isOverloaded(Candidate dest, List<Candidate> all) {
        if (dest.activeConns() > dest.weight()) {
            for (Candidate d : all) {
                if ((long) d.activeConns() * 2 < d.weight()) {
                    return true;
                }
            }
        }
        return false;
    }

    static Candidate find(List<Candidate> all, RealServer server) {
        for (Candidate c : all) {
            if (c.server().equals(server)) {
                return c;
            }
        }
        return null;
    }
}
