package org.lvsd.controller.reconcile;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.lvsd.healthcheck.schedule.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Reconciler#reconcile} every {@code interval} (default {@link #DEFAULT_INTERVAL}) with the
 * current desired table, so that changes made to the table by others are repaired even when
 * nothing in lvsd changed (keepalived never does this: an {@code ipvsadm -C} stays until restart).
 */
public final class PeriodicReconcile implements AutoCloseable {

    /** How often the table is checked by default. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicReconcile.class);

    private final Scheduler scheduler;
    private final Duration interval;
    private final Reconciler reconciler;
    private final Supplier<DesiredTable> desired;
    private Scheduler.Task next;
    private boolean running;

    public PeriodicReconcile(Scheduler scheduler, Duration interval, Reconciler reconciler,
            Supplier<DesiredTable> desired) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
        this.desired = Objects.requireNonNull(desired, "desired");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be > 0");
        }
    }

    /** Schedules the first reconcile one interval from now; harmless when running. */
    public synchronized void start() {
        if (!running) {
            running = true;
            next = scheduler.schedule(interval, this::tick);
        }
    }

    /** Cancels the next reconcile. */
    @Override
    public synchronized void close() {
        running = false;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    private void tick() {
        try {
            ReconcileRun run = reconciler.reconcile(desired.get());
            if (run.repairs() > 0) {
                LOG.warn("periodic reconcile repaired {} change(s) made to lvsd's IPVS entries by someone else",
                        run.repairs());
            }
        } finally {
            synchronized (this) {
                if (running) {
                    next = scheduler.schedule(interval, this::tick);
                }
            }
        }
    }
}
