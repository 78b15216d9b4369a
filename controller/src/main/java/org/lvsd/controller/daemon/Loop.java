package org.lvsd.controller.daemon;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.lvsd.vrrp.time.ExecutorScheduler;

/**
 * One single-threaded loop (thread {@code vrrp-NAME}): its instances' state machines, timers,
 * received adverts, tracker events and VIP changes all run here.
 */
final class Loop implements AutoCloseable {

    private final ScheduledExecutorService executor;
    private final ExecutorScheduler scheduler;

    Loop(String name) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "vrrp-" + name));
        this.scheduler = new ExecutorScheduler(executor);
    }

    ScheduledExecutorService executor() {
        return executor;
    }

    ExecutorScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
