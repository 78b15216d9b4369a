package org.lvsd.ipvs.sched;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.lvsd.ipvs.RealServer;

/**
 * The table lookup shared by sh and mh (ip_vs_sh_get/ip_vs_sh_get_fallback in ip_vs_sh.c,
 * ip_vs_mh_get/ip_vs_mh_get_fallback in ip_vs_mh.c): the flow's entry, hashed with offset 0, when
 * its destination is available (weight above 0, not overloaded); otherwise none, unless the
 * fallback flag (IP_VS_SVC_F_SCHED1) is set: then the table is walked by rehashing with the offsets
 * {@code (ihash + i) % size} for i from 0, up to the first available destination or empty entry.
 */
final class FallbackLookup {
    private FallbackLookup() {
    }

    /**
     * @param table the scheduler's table, one entry per hash value
     * @param hashAt the entry index of the flow's key hashed with a given offset
     * @param fallback whether to walk the table past an unavailable destination
     * @param destinations the service's destinations with their current state
     */
    static Optional<RealServer> find(RealServer[] table, IntUnaryOperator hashAt, boolean fallback,
                                     List<Candidate> destinations) {
        Map<RealServer, Candidate> byServer = new HashMap<>();
        destinations.forEach(c -> byServer.put(c.server(), c));
        int ihash = hashAt.applyAsInt(0);
        RealServer server = table[ihash];
        if (server == null) {
            return Optional.empty();
        }
        if (usable(byServer.get(server))) {
            return Optional.of(server);
        }
        if (!fallback) {
            return Optional.empty();
        }
        for (int offset = 0; offset < table.length; offset++) {
            int roffset = (offset + ihash) % table.length;
            RealServer s = table[hashAt.applyAsInt(roffset)];
            if (s == null) {
                break;
            }
            if (usable(byServer.get(s))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static boolean usable(Candidate c) {
        return c != null && c.available();
    }
}
