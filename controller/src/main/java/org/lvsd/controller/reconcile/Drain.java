package org.lvsd.controller.reconcile;

import java.util.Objects;
import java.util.Optional;
import org.lvsd.healthcheck.spec.RealServerId;

/**
 * An operator's drain: the real server stays in the table but gets weight 0, so it takes no new
 * connections while existing ones finish. Drains are kept by the caller across reloads; a drain
 * for a server not in the pool has no effect.
 *
 * @param virtualServer the virtual server id it applies to, empty for every virtual server
 * @param server the real server
 */
public record Drain(Optional<String> virtualServer, RealServerId server) {

    public Drain {
        Objects.requireNonNull(virtualServer, "virtualServer");
        Objects.requireNonNull(server, "server");
    }

    /** {@code server} drained in every virtual server. */
    public static Drain everywhere(RealServerId server) {
        return new Drain(Optional.empty(), server);
    }

    /** {@code server} drained in {@code virtualServer} only. */
    public static Drain in(String virtualServer, RealServerId server) {
        return new Drain(Optional.of(virtualServer), server);
    }

    boolean matches(String vs, RealServerId rs) {
        return server.equals(rs) && virtualServer.map(vs::equals).orElse(true);
    }
}
