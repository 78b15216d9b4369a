package org.lvsd.controller.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lvsd.healthcheck.spec.RealServerId;

/**
 * One real server at scrape time.
 *
 * @param server           address and port (the {@code real_server} label)
 * @param up               whether it is in service
 * @param weight           the effective weight programmed into IPVS (0 when down)
 * @param configuredWeight the {@code weight} of the configuration
 * @param lastChange       when it last went up or down, empty before the first change
 * @param upDownTransitions transitions from up to down since start
 * @param checks           its checkers
 */
public record RealServerSnapshot(RealServerId server, boolean up, int weight, int configuredWeight,
                                 Optional<Instant> lastChange, long upDownTransitions,
                                 List<CheckSnapshot> checks) {

    public RealServerSnapshot {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(lastChange, "lastChange");
        checks = List.copyOf(checks);
    }
}
