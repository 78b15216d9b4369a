package org.lvsd.healthcheck.schedule;

import java.time.Duration;
import java.time.Instant;

/** Time and delayed execution, injected so that decisions and schedules are testable. */
public interface Scheduler {

    /** A scheduled task that can be cancelled. */
    interface Task {
        /** Cancels the task if it has not run; harmless otherwise. */
        void cancel();
    }

    Instant now();

    /** Runs {@code task} once after {@code delay} (zero or positive). */
    Task schedule(Duration delay, Runnable task);
}
