package org.lvsd.healthcheck.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void runsTasksInDueOrderAtTheirDueTime() {
        ManualScheduler s = new ManualScheduler(T0);
        List<String> log = new ArrayList<>();
        s.schedule(Duration.ofSeconds(2), () -> log.add("b@" + s.now()));
        s.schedule(Duration.ofSeconds(1), () -> log.add("a@" + s.now()));
        s.schedule(Duration.ofSeconds(1), () -> {
            log.add("c@" + s.now());
            s.schedule(Duration.ofMillis(500), () -> log.add("d@" + s.now()));
        });
        s.advance(Duration.ofSeconds(3));
        assertEquals(List.of("a@2026-01-01T00:00:01Z", "c@2026-01-01T00:00:01Z",
                "d@2026-01-01T00:00:01.500Z", "b@2026-01-01T00:00:02Z"), log);
        assertEquals(T0.plusSeconds(3), s.now());
    }

    @Test
    void cancelledTasksDoNotRun() {
        ManualScheduler s = new ManualScheduler(T0);
        List<String> log = new ArrayList<>();
        Scheduler.Task t = s.schedule(Duration.ofSeconds(1), () -> log.add("x"));
        s.schedule(Duration.ofSeconds(1), () -> log.add("y"));
        t.cancel();
        assertEquals(1, s.pending());
        s.advance(Duration.ofSeconds(1));
        assertEquals(List.of("y"), log);
    }
}
