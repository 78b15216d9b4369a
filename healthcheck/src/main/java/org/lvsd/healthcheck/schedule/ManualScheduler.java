package org.lvsd.healthcheck.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A deterministic {@link Scheduler}: time moves only through {@link #advance}; due tasks run
 * on the caller's thread in time order, ties in submission order. Thread-safe submission, so
 * that checker completions from other threads can schedule work.
 */
public final class ManualScheduler implements Scheduler {

    private record Entry(Instant due, long seq, Runnable task, boolean[] cancelled) { }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            Comparator.comparing(Entry::due).thenComparingLong(Entry::seq));
    private Instant now;
    private long seq;

    public ManualScheduler(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Task schedule(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        boolean[] cancelled = {false};
        queue.add(new Entry(now.plus(delay), seq++, task, cancelled));
        return () -> {
            synchronized (ManualScheduler.this) {
                cancelled[0] = true;
            }
        };
    }

    /** Number of pending (not cancelled) tasks. */
    public synchronized int pending() {
        return (int) queue.stream().filter(e -> !e.cancelled()[0]).count();
    }

    /** Runs every task due at the current instant. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /**
     * Moves time forward by {@code step}, running each task when its due time is reached
     * (including tasks those tasks schedule inside the window).
     */
    public void advance(Duration step) {
        Instant end;
        synchronized (this) {
            end = now.plus(step);
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due().isAfter(end)) {
                    now = end;
                    return;
                }
                queue.poll();
                if (next.due().isAfter(now)) {
                    now = next.due();
                }
                if (next.cancelled()[0]) {
                    continue;
                }
            }
            next.task().run();
        }
    }
}
