package org.lvsd.healthcheck.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExecutorSchedulerTest {

    private static final Duration GRAIN = Duration.ofMillis(10);

    /** Records what the scheduler asks of its executor instead of running it. */
    private static final class RecordingExecutor extends ScheduledThreadPoolExecutor {
        final List<Long> delays = new ArrayList<>();
        final List<Runnable> wakeUps = new ArrayList<>();

        RecordingExecutor() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(unit.toNanos(delay));
            wakeUps.add(command);
            return null;
        }
    }

    @Test
    void tasksDueInOneGrainShareOneWakeUpAtTheEndOfTheirSlot() {
        RecordingExecutor exec = new RecordingExecutor();
        AtomicLong now = new AtomicLong(1_000_003);
        ExecutorScheduler s = new ExecutorScheduler(exec, Clock.systemUTC(), GRAIN, now::get);
        List<String> log = new ArrayList<>();
        s.schedule(Duration.ofMillis(20), () -> log.add("a"));
        s.schedule(Duration.ofMillis(25), () -> log.add("b"));
        s.schedule(Duration.ofMillis(28), () -> log.add("c"));
        s.schedule(Duration.ofMillis(31), () -> log.add("d"));
        assertEquals(List.of(28_999_997L, 38_999_997L), exec.delays);
        assertEquals(2, s.pendingSlots());
        exec.wakeUps.get(0).run();
        assertEquals(List.of("a", "b", "c"), log);
        assertEquals(1, s.pendingSlots());
        exec.wakeUps.get(1).run();
        assertEquals(List.of("a", "b", "c", "d"), log);
        assertEquals(0, s.pendingSlots());
        exec.shutdownNow();
    }

    @Test
    void aTaskNeverRunsBeforeItsDelay() {
        RecordingExecutor exec = new RecordingExecutor();
        AtomicLong now = new AtomicLong(10_000_000);
        ExecutorScheduler s = new ExecutorScheduler(exec, Clock.systemUTC(), GRAIN, now::get);
        s.schedule(Duration.ZERO, () -> { });
        now.set(10_000_001);
        s.schedule(Duration.ZERO, () -> { });
        assertEquals(List.of(0L, 9_999_999L), exec.delays);
        exec.shutdownNow();
    }

    @Test
    void cancelledAndFailingTasksDoNotStopTheRestOfTheirSlot() {
        RecordingExecutor exec = new RecordingExecutor();
        ExecutorScheduler s = new ExecutorScheduler(exec, Clock.systemUTC(), GRAIN, () -> 0L);
        List<String> log = new ArrayList<>();
        Scheduler.Task cancelled = s.schedule(Duration.ofMillis(5), () -> log.add("x"));
        s.schedule(Duration.ofMillis(5), () -> {
            throw new IllegalStateException("boom");
        });
        s.schedule(Duration.ofMillis(5), () -> log.add("y"));
        cancelled.cancel();
        assertEquals(1, exec.wakeUps.size());
        exec.wakeUps.get(0).run();
        assertEquals(List.of("y"), log);
        exec.shutdownNow();
    }

    @Test
    void runsOnARealExecutor() throws InterruptedException {
        ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor();
        try {
            ExecutorScheduler s = new ExecutorScheduler(exec, Clock.systemUTC());
            CountDownLatch ran = new CountDownLatch(2);
            s.schedule(Duration.ofMillis(1), ran::countDown);
            s.schedule(Duration.ofMillis(30), ran::countDown);
            assertTrue(ran.await(10, TimeUnit.SECONDS));
        } finally {
            exec.shutdownNow();
        }
    }
}
