package org.lvsd.vrrp.time;

import java.time.Duration;

/**
 * Clock and one-shot timers. Implementations run every task on one thread, the thread that
 * must also deliver all other inputs to the state machines using it.
 */
public interface Scheduler {

    /** Monotonic time in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** Runs {@code task} once after {@code delay} (zero or positive). */
    Cancellable schedule(Duration delay, Runnable task);

    /** A pending task; cancelling a task that already ran or was cancelled does nothing. */
    interface Cancellable {
        void cancel();
    }
}
