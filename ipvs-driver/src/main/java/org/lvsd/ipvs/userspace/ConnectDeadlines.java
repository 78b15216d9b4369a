package org.lvsd.ipvs.userspace;

import java.util.function.LongSupplier;

/**
 * The connects of one event loop still waiting for the real server, failed on time at the connect
 * timeout without a timer of their own: a scheduled task per connection costs an allocation and a
 * priority-queue insert and cancel, and the loop's once-a-second {@link SessionSweep} would fail
 * them up to a second late.
 *
 * <p>The timeout is one value for the whole forwarder, fixed when it starts ({@link
 * ForwarderOptions} are given once to {@link UserspaceIpvsDriver}'s constructor), and each deadline
 * is the monotonic time of {@link #add} plus that timeout; so the deadlines are in the order the
 * connects started, and a FIFO is a deadline queue: entries join at the tail, leave from anywhere
 * in O(1) (linked through their own fields, no allocation) and expire from the head.
 *
 * <p>One task at a time is pending, for the head's deadline at the time it was armed. It is armed
 * only when an entry becomes the head of an empty queue while none is pending; a pending task
 * always falls at or before the new head's deadline (heads only get later), so it is never moved
 * or cancelled: when it runs it fails every entry past its deadline and, if entries remain, arms
 * for the new head. Under a steady stream of connects that mostly succeed, that is about one task
 * per timeout period per loop; with nothing waiting, the last task runs once more and none
 * follows. Only the loop's own thread touches the queue.
 */
final class ConnectDeadlines {
    /** What the queue links: a connect waiting for its outcome. */
    abstract static class Entry {
        Entry deadlinePrev;
        Entry deadlineNext;
        long deadlineNanos;

        /** Past its deadline and already off the queue: the connect fails. */
        abstract void connectTimedOut();
    }

    /** Runs a task once after a delay, on the queue's thread. */
    interface Timer {
        void schedule(Runnable task, long delayNanos);
    }

    private final long timeoutNanos;
    private final LongSupplier clock;
    private final Timer timer;
    private final Runnable expire = this::expire;
    private Entry head;
    private Entry tail;
    private boolean armed;

    /** Deadlines {@code timeoutNanos} after {@link #add}, read from {@code clock} (nanoseconds, monotonic). */
    ConnectDeadlines(long timeoutNanos, LongSupplier clock, Timer timer) {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("connect timeout must be positive: " + timeoutNanos + " ns");
        }
        this.timeoutNanos = timeoutNanos;
        this.clock = clock;
        this.timer = timer;
    }

    long timeoutNanos() {
        return timeoutNanos;
    }

    /** {@code e}'s connect starts now: it times out after the timeout unless removed before. */
    void add(Entry e) {
        e.deadlineNanos = clock.getAsLong() + timeoutNanos;
        e.deadlineNext = null;
        e.deadlinePrev = tail;
        if (tail != null) {
            tail.deadlineNext = e;
        } else {
            head = e;
        }
        tail = e;
        if (!armed) {
            arm();
        }
    }

    /** {@code e} connected, failed or closed: off the queue; nothing if it is not on it. */
    void remove(Entry e) {
        if (e.deadlinePrev != null) {
            e.deadlinePrev.deadlineNext = e.deadlineNext;
        } else if (head == e) {
            head = e.deadlineNext;
        } else {
            return;
        }
        if (e.deadlineNext != null) {
            e.deadlineNext.deadlinePrev = e.deadlinePrev;
        } else {
            tail = e.deadlinePrev;
        }
        e.deadlinePrev = null;
        e.deadlineNext = null;
    }

    private void arm() {
        armed = true;
        timer.schedule(expire, Math.max(0, head.deadlineNanos - clock.getAsLong()));
    }

    /** The pending task: fails the entries past their deadline, then arms for the next one if any. */
    private void expire() {
        armed = false;
        long now = clock.getAsLong();
        while (head != null && now - head.deadlineNanos >= 0) {
            Entry e = head;
            remove(e);
            e.connectTimedOut();
        }
        if (head != null) {
            arm();
        }
    }
}
