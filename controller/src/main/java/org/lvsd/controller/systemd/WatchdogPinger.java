package org.lvsd.controller.systemd;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends {@code WATCHDOG=1} at a fixed rate on its own daemon thread until closed. It proves the
 * JVM schedules threads, not that the daemon's event loops are healthy; the daemon may instead
 * call {@link SdNotify#watchdog()} from its own loop.
 */
public final class WatchdogPinger implements AutoCloseable {

    private final ScheduledExecutorService timer;

    private WatchdogPinger(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static WatchdogPinger start(SdNotify notify, Duration interval) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lvsd-watchdog");
            t.setDaemon(true);
            return t;
        });
        long nanos = interval.toNanos();
        timer.scheduleAtFixedRate(notify::watchdog, 0, nanos, TimeUnit.NANOSECONDS);
        return new WatchdogPinger(timer);
    }

    /** Stops pinging. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
