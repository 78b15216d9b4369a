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
    void runsTasksInOrderOnTheExecutorThread() throws InterruptedException {
        List<String> ran = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Scheduler.Cancellable cancelled = scheduler.schedule(Duration.ofMillis(100), () -> ran.add("cancelled"));
        cancelled.cancel();
        scheduler.schedule(Duration.ZERO, () -> ran.add("first"));
        scheduler.schedule(Duration.ofMillis(300), () -> {
            ran.add("second");
            done.countDown();
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        CountDownLatch barrier = new CountDownLatch(1);
        executor.execute(barrier::countDown);
        assertTrue(barrier.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("first", "second"), ran);
    }

    @Test
    void clockIsMonotonic() {
        long a = scheduler.nanoTime();
        long b = scheduler.nanoTime();
        assertTrue(b - a >= 0);
    }
}
