package org.lvsd.healthcheck.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link Scheduler}: a {@link ScheduledExecutorService} (for example a Netty
 * event loop, which is one) and a {@link Clock}. The owner shuts the executor down.
 */
public final class ExecutorScheduler implements Scheduler {

    private final ScheduledExecutorService executor;
    private final Clock clock;

    public ExecutorScheduler(ScheduledExecutorService executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Task schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }
}
