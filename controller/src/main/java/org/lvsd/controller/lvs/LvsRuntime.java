package org.lvsd.controller.lvs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

import org.lvsd.controller.mapping.MappedConfig;
import org.lvsd.controller.reconcile.DesiredTable;
import org.lvsd.controller.reconcile.Drain;
import org.lvsd.controller.reconcile.PeriodicReconcile;
import org.lvsd.controller.reconcile.ReconcileStats;
import org.lvsd.controller.reconcile.Reconciler;
import org.lvsd.healthcheck.decision.HealthEvent;
import org.lvsd.healthcheck.decision.PoolStatus;
import org.lvsd.healthcheck.schedule.CheckerFactory;
import org.lvsd.healthcheck.schedule.HealthListener;
import org.lvsd.healthcheck.schedule.HealthService;
import org.lvsd.healthcheck.schedule.Scheduler;
import org.lvsd.ipvs.IpvsDriver;
import org.lvsd.ipvs.IpvsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LVS half of the daemon: health checks decide pool membership, and every change in it
 * (and every periodic tick) becomes one reconcile of the IPVS table.
 *
 * <p>Health events arrive on checker threads; they only mark the table dirty and hand one
 * reconcile to {@code loop}, a serial executor, so a burst of events costs one diff. Drains
 * (operator maintenance) are kept here, so they survive reloads. The table is programmed
 * whatever the VRRP role, as keepalived does, so a backup director is ready at takeover.
 */
public final class LvsRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LvsRuntime.class);

    private final IpvsDriver driver;
    private final Executor loop;
    private final Reconciler reconciler;
    private final HealthService health;
    private final PeriodicReconcile periodic;
    private final StopPolicy stopPolicy;
    private final Set<Drain> drains = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final HealthListener observer;
    private volatile MappedConfig config = new MappedConfig(List.of(), List.of());

    /**
     * @param driver where the table lives
     * @param checkers makes the checkers of each real server
     * @param checks the health checks' timer (in the daemon, on the checks' own event loops)
     * @param timer the periodic reconcile's timer; the reconcile waits on netlink, so it gets a
     *        thread of its own rather than a checks' loop
     * @param loop serial executor every reconcile runs on
     * @param interval period of the drift-repairing reconcile
     * @param flushForeign {@code lvs_flush}: clear services lvsd does not own at the first reconcile
     * @param stopPolicy what {@link #close()} does to the table
     * @param observer also sees every batch of health events (metrics), on the checkers' threads
     */
    public LvsRuntime(IpvsDriver driver, CheckerFactory checkers, Scheduler checks, Scheduler timer, Clock clock,
                      RandomGenerator random, Executor loop, Duration interval, boolean flushForeign,
                      StopPolicy stopPolicy, HealthListener observer) {
        this.driver = driver;
        this.observer = observer;
        this.loop = loop;
        this.stopPolicy = stopPolicy;
        this.reconciler = new Reconciler(driver, clock, flushForeign);
        this.health = new HealthService(checkers, checks, random, this::onHealthEvents);
        this.periodic = new PeriodicReconcile(timer, interval, reconciler, this::desired);
    }

    /** Starts (first call) or reloads: checkers follow the new specs, then the table follows. */
    public void apply(MappedConfig next) {
        config = next;
        health.apply(next.healthSpecs());
        periodic.start();
        requestReconcile();
    }

    /** Puts a real server into maintenance: weight 0, existing connections drain. */
    public void drain(Drain drain) {
        drains.add(drain);
        requestReconcile();
    }

    /** Takes a real server out of maintenance. */
    public void enable(Drain drain) {
        drains.remove(drain);
        requestReconcile();
    }

    public Set<Drain> drains() {
        return Set.copyOf(drains);
    }

    public List<PoolStatus> status() {
        return health.status();
    }

    public ReconcileStats stats() {
        return reconciler.stats();
    }

    /** The configuration applied last. */
    public MappedConfig config() {
        return config;
    }

    /** The table lvsd wants now: configuration x health x drains. */
    public DesiredTable desired() {
        return DesiredTable.of(config, health.memberships(), drains());
    }

    private void onHealthEvents(List<HealthEvent> events) {
        events.forEach(e -> LOG.info("{}", e));
        observer.onEvents(events);
        requestReconcile();
    }

    private void requestReconcile() {
        if (pending.compareAndSet(false, true)) {
            loop.execute(() -> {
                pending.set(false);
                reconciler.reconcile(desired()).failures().forEach(f -> LOG.error("reconcile: {}", f.message()));
            });
        }
    }

    /** Stops the checkers and the periodic reconcile, then applies the stop policy. */
    @Override
    public void close() {
        periodic.close();
        health.shutdown().forEach(e -> LOG.info("{}", e));
        switch (stopPolicy) {
            case REMOVE_OWN -> reconciler.reconcile(DesiredTable.EMPTY);
            case FLUSH_ALL -> flush();
            case LEAVE -> LOG.info("leaving the IPVS table as it is");
        }
    }

    private void flush() {
        try {
            driver.flush();
        } catch (IpvsException e) {
            LOG.error("flush on stop: {}", e.getMessage());
        }
    }
}
