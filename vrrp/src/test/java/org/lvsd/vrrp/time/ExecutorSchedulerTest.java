package org.lvsd.vrrp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real executor; waits only on latches (bounded), never sleeps. */
class ExecutorSchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorScheduler scheduler = new ExecutorScheduler(executor);

    @AfterEach
    void shutdown() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void runsTasksInOrderOnTheExecutorThreadAndSkipsCancelledOnes() throws InterruptedException {
        List<String> ran = new ArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        // Hold the executor thread so nothing runs before everything is scheduled (no race).
        executor.execute(() -> {
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Scheduler.Cancellable cancelled = scheduler.schedule(Duration.ZERO, () -> ran.add("cancelled"));
        scheduler.schedule(Duration.ZERO, () -> ran.add("first"));
        scheduler.schedule(Duration.ZERO, () -> {
            ran.add("second");
            done.countDown();
        });
        cancelled.cancel();
        gate.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("first", "second"), ran);
    }

    @Test
    void clockIsMonotonic() {
        long a = scheduler.nanoTime();
        long b = scheduler.nanoTime();
        assertTrue(b - a >= 0);
    }
}
