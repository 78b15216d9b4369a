package org.lvsd.controller.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lvsd.healthcheck.decision.HealthEvent;
import org.lvsd.healthcheck.decision.PoolStatus;
import org.lvsd.healthcheck.schedule.HealthListener;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.healthcheck.spec.RealServerSpec;
import org.lvsd.healthcheck.spec.VirtualServerSpec;

/**
 * What {@link PoolSnapshot}s need beyond {@code HealthService.status()}: as a
 * {@link HealthListener} it counts each real server's up-to-down transitions and times its last
 * change; {@link #snapshot} joins that with the status and the configured weights. Per-checker
 * durations and failures are not visible through {@code HealthListener}, so the snapshots it
 * builds carry no {@link CheckSnapshot}s. Thread-safe.
 */
public final class HealthHistory implements HealthListener {

    private record Key(String virtualServer, RealServerId server) { }

    private record Changes(Optional<Instant> last, long upDown) { }

    private final Clock clock;
    private final Map<Key, Changes> changes = new HashMap<>();

    public HealthHistory(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void onEvents(List<HealthEvent> events) {
        for (HealthEvent e : events) {
            if (e instanceof HealthEvent.RealServerUp up) {
                changes.merge(new Key(up.virtualServer(), up.server()), new Changes(Optional.of(clock.instant()), 0),
                        (old, now) -> new Changes(now.last(), old.upDown()));
            } else if (e instanceof HealthEvent.RealServerDown down) {
                changes.merge(new Key(down.virtualServer(), down.server()),
                        new Changes(Optional.of(clock.instant()), 1),
                        (old, now) -> new Changes(now.last(), old.upDown() + 1));
            }
        }
    }

    /** Snapshots of {@code pools}, with configured weights from {@code specs} (matched by pool id). */
    public synchronized List<PoolSnapshot> snapshot(List<PoolStatus> pools, List<VirtualServerSpec> specs) {
        Map<String, Map<RealServerId, Integer>> weights = new HashMap<>();
        for (VirtualServerSpec spec : specs) {
            Map<RealServerId, Integer> w = weights.computeIfAbsent(spec.id(), id -> new HashMap<>());
            for (RealServerSpec rs : spec.realServers()) {
                w.put(rs.id(), rs.weight());
            }
        }
        List<PoolSnapshot> out = new ArrayList<>();
        for (PoolStatus pool : pools) {
            VirtualServerLabel label = VirtualServerLabel.of(pool.virtualServer());
            Map<RealServerId, Integer> w = weights.getOrDefault(pool.virtualServer(), Map.of());
            List<RealServerSnapshot> servers = new ArrayList<>();
            for (PoolStatus.Server s : pool.servers()) {
                Changes c = changes.getOrDefault(new Key(pool.virtualServer(), s.server()),
                        new Changes(Optional.empty(), 0));
                servers.add(new RealServerSnapshot(s.server(), s.up(), s.weight(), w.getOrDefault(s.server(), 0),
                        c.last(), c.upDown(), List.of()));
            }
            out.add(new PoolSnapshot(label.virtualServer(), label.protocol(), pool.quorumUp(), servers));
        }
        return out;
    }
}
