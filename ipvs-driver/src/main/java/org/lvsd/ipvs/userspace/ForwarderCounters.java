package org.lvsd.ipvs.userspace;

import java.util.List;
import java.util.Map;

/**
 * The forwarder's own counters, beside the table's statistics.
 *
 * @param openConnections proxied TCP connections and UDP flows now open
 * @param refusedOverLimit connections and flows refused because {@code maxConnections} were open
 * @param noDestination connections and flows refused because the service had no usable destination
 * @param connectFailures failed or timed-out connections to each destination, by service
 * @param loops each event loop's CPU time and connections
 */
public record ForwarderCounters(int openConnections, long refusedOverLimit, long noDestination,
                                Map<DestinationKey, Long> connectFailures, List<LoopCounters> loops) {
    public ForwarderCounters {
        connectFailures = Map.copyOf(connectFailures);
        loops = List.copyOf(loops);
    }

    /** Connect failures toward one destination of one service (0 if none). */
    public long connectFailures(DestinationKey key) {
        return connectFailures.getOrDefault(key, 0L);
    }
}
