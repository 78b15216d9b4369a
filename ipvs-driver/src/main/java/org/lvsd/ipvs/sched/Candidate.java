package org.lvsd.ipvs.sched;

import java.util.Objects;
import org.lvsd.ipvs.RealServer;

/**
 * What a scheduler sees of one destination.
 *
 * @param server identity
 * @param weight current weight
 * @param lastWeight last non-zero weight it was given (ip_vs_dest.last_weight, used by mh)
 * @param activeConns active connections
 * @param inactConns inactive connections
 * @param overloaded IP_VS_DEST_F_OVERLOAD (upper threshold reached)
 */
public record Candidate(RealServer server, int weight, int lastWeight, int activeConns, int inactConns,
                        boolean overloaded) {
    public Candidate {
        Objects.requireNonNull(server, "server");
    }

    /** An idle candidate whose last weight equals its weight. */
    public static Candidate idle(RealServer server, int weight) {
        return new Candidate(server, weight, weight, 0, 0, false);
    }

    /** ip_vs_dest_conn_overhead: active connections weigh 256 inactive ones. */
    public long connOverhead() {
        return ((long) activeConns << 8) + inactConns;
    }

    /** Not overloaded and weight above 0: may take new connections. */
    public boolean available() {
        return !overloaded && weight > 0;
    }
}
