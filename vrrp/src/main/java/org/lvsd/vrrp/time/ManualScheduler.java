package org.lvsd.vrrp.time;

import java.time.Duration;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Deterministic virtual time: nothing runs until {@link #advance(Duration)}, which runs every
 * task that falls due, in due-time order (ties in scheduling order), with the clock set to
 * each task's due time. Not thread-safe: use it from the test thread only.
 */
public final class ManualScheduler implements Scheduler {

    /** Upper bound on tasks run by one {@link #advance} call, so a runaway loop fails fast. */
    static final int MAX_TASKS_PER_ADVANCE = 10_000_000;

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    private final class Task implements Comparable<Task>, Cancellable {
        final long due;
        final long order;
        final Runnable body;
        boolean cancelled;

        Task(long due, long order, Runnable body) {
            this.due = due;
            this.order = order;
            this.body = body;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(order, o.order);
        }

        @Override
        public void cancel() {
            cancelled = true;
            queue.remove(this);
        }
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        Task t = new Task(now + delay.toNanos(), sequence++, task);
        queue.add(t);
        return t;
    }

    /** Moves virtual time forward by {@code step}, running due tasks on the way. */
    public void advance(Duration step) {
        long target = now + step.toNanos();
        int ran = 0;
        while (!queue.isEmpty() && queue.peek().due <= target) {
            Task t = queue.poll();
            now = t.due;
            if (++ran > MAX_TASKS_PER_ADVANCE) {
                throw new IllegalStateException("more than " + MAX_TASKS_PER_ADVANCE + " tasks in one advance");
            }
            t.body.run();
        }
        now = target;
    }

    /** Time since this scheduler was made. */
    public Duration elapsed() {
        return Duration.ofNanos(now);
    }

    /** Number of tasks waiting to run. */
    public int pending() {
        return queue.size();
    }
}
