package org.lvsd.healthcheck.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.decision.HealthEvent;
import org.lvsd.healthcheck.decision.PoolDecision;
import org.lvsd.healthcheck.decision.PoolMembership;
import org.lvsd.healthcheck.decision.PoolStatus;
import org.lvsd.healthcheck.spec.CheckerSpec;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.healthcheck.spec.RealServerSpec;
import org.lvsd.healthcheck.spec.VirtualServerSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the checkers of one virtual server on a {@link Scheduler} and feeds their results to a
 * {@link PoolDecision}. The first run of each checker waits a random {@code warmup}; later runs
 * follow {@link CheckSchedule#nextDelay}. While a slow start is ramping the pool is ticked
 * every second. Thread-safe: results may arrive on any thread.
 */
public final class PoolMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(PoolMonitor.class);

    /** How often slow-start ramps are advanced. */
    public static final Duration TICK = Duration.ofSeconds(1);

    /** Checker {@code index} of {@code server}: its spec, state, checker and next run. */
    private static final class Slot {
        final RealServerId server;
        final int index;
        final CheckerSpec spec;
        final PoolDecision.CheckerRef state;
        final Checker checker;
        Scheduler.Task timer;

        Slot(RealServerId server, int index, CheckerSpec spec, PoolDecision.CheckerRef state,
             Checker checker) {
            this.server = server;
            this.index = index;
            this.spec = spec;
            this.state = state;
            this.checker = checker;
        }
    }

    private final CheckerFactory factory;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final HealthListener listener;
    private final PoolDecision decision;
    private final List<Slot> slots = new ArrayList<>();
    private Scheduler.Task tickTask;
    private boolean running;

    private PoolMonitor(PoolDecision decision, CheckerFactory factory, Scheduler scheduler,
                        RandomGenerator random, HealthListener listener) {
        this.decision = decision;
        this.factory = factory;
        this.scheduler = scheduler;
        this.random = random;
        this.listener = listener;
    }

    /**
     * Starts monitoring {@code spec}: reports the initial quorum decision (if any) and schedules
     * every checker after its warmup.
     */
    public static PoolMonitor start(VirtualServerSpec spec, CheckerFactory factory,
                                    Scheduler scheduler, RandomGenerator random,
                                    HealthListener listener) {
        Instant now = scheduler.now();
        PoolMonitor m = new PoolMonitor(PoolDecision.create(spec, now), factory, scheduler,
                random, listener);
        synchronized (m) {
            m.running = true;
            m.deliver(m.decision.evaluate(now, "start"));
            for (RealServerSpec rs : spec.realServers()) {
                for (int i = 0; i < rs.checkers().size(); i++) {
                    CheckerSpec c = rs.checkers().get(i);
                    m.arm(m.slot(rs, i, c), CheckSchedule.firstDelay(c.timing(), random));
                }
            }
        }
        return m;
    }

    /**
     * Replaces this monitor by one for {@code newSpec}, keeping the state of unchanged
     * checkers (see {@link PoolDecision#reload}); kept checkers continue at their normal
     * period, new ones start after a warmup. This monitor stops without shutdown events.
     */
    public synchronized PoolMonitor reload(VirtualServerSpec newSpec) {
        discard();
        Instant now = scheduler.now();
        PoolDecision next = PoolDecision.reload(newSpec, decision, now);
        PoolMonitor m = new PoolMonitor(next, factory, scheduler, random, listener);
        synchronized (m) {
            m.running = true;
            m.deliver(next.evaluate(now, "reload"));
            for (RealServerSpec rs : newSpec.realServers()) {
                List<CheckerSpec> old = oldCheckers(rs.id());
                for (int i = 0; i < rs.checkers().size(); i++) {
                    CheckerSpec c = rs.checkers().get(i);
                    Duration delay = old.contains(c)
                            ? CheckSchedule.nextDelay(c.timing(), next.retrying(rs.id(), i))
                            : CheckSchedule.firstDelay(c.timing(), random);
                    m.arm(m.slot(rs, i, c), delay);
                }
            }
            m.armTick();
        }
        return m;
    }

    private List<CheckerSpec> oldCheckers(RealServerId id) {
        for (RealServerSpec rs : decision.spec().realServers()) {
            if (rs.id().equals(id)) {
                return rs.checkers();
            }
        }
        return List.of();
    }

    /**
     * Stops every checker without any event (a virtual server removed by a reload); results
     * still in flight are ignored.
     */
    public synchronized void discard() {
        running = false;
        cancelAll();
    }

    /** Stops every checker and returns (and reports) the shutdown events ({@code omega}). */
    public synchronized List<HealthEvent> stop() {
        if (!running) {
            return List.of();
        }
        running = false;
        cancelAll();
        List<HealthEvent> events = decision.shutdown();
        deliver(events);
        return events;
    }

    /** The desired pool now. */
    public synchronized PoolMembership membership() {
        return decision.membership(scheduler.now());
    }

    /** A snapshot for status pages and metrics. */
    public synchronized PoolStatus status() {
        return decision.status(scheduler.now());
    }

    public synchronized boolean quorumUp() {
        return decision.quorumUp();
    }

    public synchronized boolean up(RealServerId server) {
        return decision.up(server);
    }

    private void cancelAll() {
        for (Slot slot : slots) {
            if (slot.timer != null) {
                slot.timer.cancel();
                slot.timer = null;
            }
        }
        slots.clear();
        if (tickTask != null) {
            tickTask.cancel();
            tickTask = null;
        }
    }

    private Slot slot(RealServerSpec rs, int index, CheckerSpec spec) {
        Slot slot = new Slot(rs.id(), index, spec, decision.checker(rs.id(), index),
                factory.create(rs, spec));
        slots.add(slot);
        return slot;
    }

    private void arm(Slot slot, Duration delay) {
        slot.timer = scheduler.schedule(delay, () -> run(slot));
    }

    private void run(Slot slot) {
        synchronized (this) {
            if (!running) {
                return;
            }
            slot.timer = null;
        }
        long started = System.nanoTime();
        try {
            slot.checker.check().whenComplete((result, error) -> onResult(slot,
                    result != null ? result : CheckResult.down("checker error: " + error,
                            Duration.ofNanos(System.nanoTime() - started))));
        } catch (RuntimeException e) {
            onResult(slot, CheckResult.down("checker error: " + e, Duration.ZERO));
        }
    }

    private synchronized void onResult(Slot slot, CheckResult result) {
        if (!running) {
            return;
        }
        Instant now = scheduler.now();
        if (!result.ok()) {
            LOG.debug("{} {} checker {} failed: {}", decision.spec().id(), slot.server,
                    slot.index, result.reason());
        }
        deliver(decision.record(slot.state, result, now));
        arm(slot, CheckSchedule.nextDelay(slot.spec.timing(), slot.state.retrying()));
        if (tickTask == null && slot.state.serverRamping()) {
            armTick();
        }
    }

    private void armTick() {
        if (tickTask == null && decision.ramping()) {
            tickTask = scheduler.schedule(TICK, this::tick);
        }
    }

    private synchronized void tick() {
        tickTask = null;
        if (!running) {
            return;
        }
        deliver(decision.tick(scheduler.now()));
        armTick();
    }

    private void deliver(List<HealthEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        for (HealthEvent e : events) {
            LOG.info("{}", e);
        }
        listener.onEvents(events);
    }
}
