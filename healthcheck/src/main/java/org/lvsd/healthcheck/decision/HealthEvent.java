package org.lvsd.healthcheck.decision;

import java.util.Optional;
import org.lvsd.healthcheck.spec.RealServerId;

/**
 * A health transition of a pool. Produced only on transitions, in the order they happen.
 * Commands ({@code notify_up}, {@code quorum_down}, ...) are passed through for the
 * controller to run; this module never runs them.
 */
public sealed interface HealthEvent {

    /** The virtual server's id ({@link org.lvsd.healthcheck.spec.VirtualServerSpec#id()}). */
    String virtualServer();

    /** Why, for humans, for example {@code "HTTP status 503"}. */
    String reason();

    /** A real server entered service with {@code weight}. */
    record RealServerUp(String virtualServer, RealServerId server, int weight, String reason,
                        Optional<String> command) implements HealthEvent { }

    /** A real server left service. */
    record RealServerDown(String virtualServer, RealServerId server, String reason,
                          Optional<String> command) implements HealthEvent { }

    /** An up real server's weight changed (dynamic checker or slow start). */
    record RealServerWeightChanged(String virtualServer, RealServerId server, int from, int to,
                                   String reason) implements HealthEvent { }

    /** The alive weight fell below the threshold. */
    record QuorumLost(String virtualServer, int aliveWeight, int threshold, String reason,
                      Optional<String> command) implements HealthEvent { }

    /** The alive weight reached the threshold again. */
    record QuorumRegained(String virtualServer, int aliveWeight, int threshold, String reason,
                          Optional<String> command) implements HealthEvent { }

    /** The sorry server replaced the real servers. */
    record SorryServerIn(String virtualServer, RealServerId server, String reason)
            implements HealthEvent { }

    /** The sorry server left; the real servers are back. */
    record SorryServerOut(String virtualServer, RealServerId server, String reason)
            implements HealthEvent { }
}
