package org.lvsd.vrrp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> log = new ArrayList<>();

    private Runnable record(String name) {
        return () -> log.add(name + "@" + scheduler.elapsed().toMillis());
    }

    @Test
    void runsDueTasksInTimeOrderWithTheClockAtTheirDueTime() {
        scheduler.schedule(Duration.ofMillis(300), record("c"));
        scheduler.schedule(Duration.ofMillis(100), record("a"));
        scheduler.schedule(Duration.ofMillis(200), record("b"));
        scheduler.advance(Duration.ofMillis(250));
        assertEquals(List.of("a@100", "b@200"), log);
        assertEquals(250, scheduler.elapsed().toMillis());
        assertEquals(1, scheduler.pending());
    }

    @Test
    void equalDueTimesRunInSchedulingOrder() {
        scheduler.schedule(Duration.ofMillis(5), record("first"));
        scheduler.schedule(Duration.ofMillis(5), record("second"));
        scheduler.advance(Duration.ofMillis(5));
        assertEquals(List.of("first@5", "second@5"), log);
    }

    @Test
    void tasksScheduledByTasksRunInTheSameAdvanceWhenDue() {
        scheduler.schedule(Duration.ofMillis(10), () -> {
            log.add("outer@" + scheduler.elapsed().toMillis());
            scheduler.schedule(Duration.ofMillis(10), record("inner"));
        });
        scheduler.advance(Duration.ofMillis(25));
        assertEquals(List.of("outer@10", "inner@20"), log);
    }

    @Test
    void cancelledTaskNeverRuns() {
        Scheduler.Cancellable c = scheduler.schedule(Duration.ofMillis(10), record("x"));
        c.cancel();
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), log);
        assertEquals(0, scheduler.pending());
    }
}
