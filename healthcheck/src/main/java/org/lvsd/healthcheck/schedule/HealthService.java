package org.lvsd.healthcheck.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.lvsd.healthcheck.decision.HealthEvent;
import org.lvsd.healthcheck.decision.PoolMembership;
import org.lvsd.healthcheck.decision.PoolStatus;
import org.lvsd.healthcheck.spec.VirtualServerSpec;

/**
 * All pools of a configuration: {@link #apply} starts new virtual servers, reloads kept ones
 * (matched by {@link VirtualServerSpec#id()}, keeping unchanged checkers' state) and drops
 * removed ones without events; {@link #shutdown} stops everything with the {@code omega}
 * events. Thread-safe.
 */
public final class HealthService implements AutoCloseable {

    private final CheckerFactory factory;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final HealthListener listener;
    private final Map<String, PoolMonitor> pools = new LinkedHashMap<>();

    public HealthService(CheckerFactory factory, Scheduler scheduler, RandomGenerator random,
                         HealthListener listener) {
        this.factory = factory;
        this.scheduler = scheduler;
        this.random = random;
        this.listener = listener;
    }

    /** Makes the running pools match {@code specs} (ids must be unique). */
    public synchronized void apply(List<VirtualServerSpec> specs) {
        Map<String, PoolMonitor> next = new LinkedHashMap<>();
        for (VirtualServerSpec spec : specs) {
            if (next.containsKey(spec.id())) {
                throw new IllegalArgumentException("duplicate virtual server " + spec.id());
            }
            PoolMonitor old = pools.remove(spec.id());
            next.put(spec.id(), old == null
                    ? PoolMonitor.start(spec, factory, scheduler, random, listener)
                    : old.reload(spec));
        }
        pools.values().forEach(PoolMonitor::discard);
        pools.clear();
        pools.putAll(next);
    }

    /** The desired membership of every pool, by virtual-server id, in configuration order. */
    public synchronized Map<String, PoolMembership> memberships() {
        Map<String, PoolMembership> out = new LinkedHashMap<>();
        pools.forEach((id, m) -> out.put(id, m.membership()));
        return out;
    }

    /** A status snapshot of every pool, in configuration order. */
    public synchronized List<PoolStatus> status() {
        List<PoolStatus> out = new ArrayList<>();
        pools.values().forEach(m -> out.add(m.status()));
        return out;
    }

    /** Stops every pool; returns (and reports) the {@code omega} shutdown events. */
    public synchronized List<HealthEvent> shutdown() {
        List<HealthEvent> events = new ArrayList<>();
        pools.values().forEach(m -> events.addAll(m.stop()));
        pools.clear();
        return events;
    }

    @Override
    public void close() {
        shutdown();
    }
}
