package org.lvsd.healthcheck.decision;

import java.util.List;
import java.util.Objects;
import org.lvsd.healthcheck.spec.RealServerId;

/**
 * A snapshot of one pool for status pages and metrics.
 *
 * @param aliveWeight sum of the effective weights of the up servers (what the quorum counts)
 */
public record PoolStatus(String virtualServer, boolean quorumUp, boolean sorryServerActive,
                         int aliveWeight, List<Server> servers) {

    /**
     * One real server: up or down, its current weight (0 when down), and the reason of its
     * first failing checker or {@code "all checkers up"}.
     */
    public record Server(RealServerId server, boolean up, int weight, String reason) {
        public Server {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public PoolStatus {
        Objects.requireNonNull(virtualServer, "virtualServer");
        servers = List.copyOf(servers);
    }
}
