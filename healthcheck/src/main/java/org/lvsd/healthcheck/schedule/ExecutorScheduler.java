package org.lvsd.healthcheck.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Scheduler}: a {@link ScheduledExecutorService} and a {@link Clock}. The
 * owner shuts the executor down. The executor may be a Netty event loop group (the checks'
 * transport hands one out): each slot then fires on one of its loops in turn, and the probes of
 * that slot start on that loop without a hand-off.
 *
 * <p>Tasks are batched by due time into slots of one grain (10 ms by default): a task runs at
 * the end of the slot its delay falls in (at most one grain late, never early), and every task
 * of a slot runs in one executor wake-up. Ten thousand checks a second thus cost at most a
 * hundred timer wake-ups, and the probes of one slot reach the event loops as one burst. A task
 * that throws is logged and does not stop the others of its slot.
 */
public final class ExecutorScheduler implements Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorScheduler.class);

    /** The default slot width. */
    public static final Duration DEFAULT_GRAIN = Duration.ofMillis(10);

    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final long grainNanos;
    private final LongSupplier nanoTime;
    private final Map<Long, List<Entry>> slots = new HashMap<>();

    public ExecutorScheduler(ScheduledExecutorService executor, Clock clock) {
        this(executor, clock, DEFAULT_GRAIN, System::nanoTime);
    }

    /** With a slot width of {@code grain} and a monotonic nanosecond source (for tests). */
    ExecutorScheduler(ScheduledExecutorService executor, Clock clock, Duration grain,
                      LongSupplier nanoTime) {
        if (grain.isNegative() || grain.isZero()) {
            throw new IllegalArgumentException("grain must be > 0");
        }
        this.executor = executor;
        this.clock = clock;
        this.grainNanos = grain.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Task schedule(Duration delay, Runnable task) {
        long due = nanoTime.getAsLong() + Math.max(0, delay.toNanos());
        long slot = -Math.floorDiv(-due, grainNanos);
        Entry entry = new Entry(task);
        boolean first;
        synchronized (this) {
            List<Entry> list = slots.get(slot);
            first = list == null;
            if (first) {
                list = new ArrayList<>();
                slots.put(slot, list);
            }
            list.add(entry);
        }
        if (first) {
            executor.schedule(() -> fire(slot), slot * grainNanos - nanoTime.getAsLong(),
                    TimeUnit.NANOSECONDS);
        }
        return entry;
    }

    /** Slots waiting to fire (for tests). */
    synchronized int pendingSlots() {
        return slots.size();
    }

    private void fire(long slot) {
        List<Entry> due;
        synchronized (this) {
            due = slots.remove(slot);
        }
        if (due == null) {
            return;
        }
        for (Entry e : due) {
            if (e.cancelled) {
                continue;
            }
            try {
                e.task.run();
            } catch (RuntimeException ex) {
                LOG.warn("scheduled task failed", ex);
            }
        }
    }

    private static final class Entry implements Task {

        private final Runnable task;
        private volatile boolean cancelled;

        Entry(Runnable task) {
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
