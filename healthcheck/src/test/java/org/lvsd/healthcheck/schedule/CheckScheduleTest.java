package org.lvsd.healthcheck.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.spec.CheckTiming;

class CheckScheduleTest {

    private static final CheckTiming TIMING = new CheckTiming(Duration.ofSeconds(6),
            Duration.ofSeconds(3), 2, Duration.ofSeconds(2), Duration.ofSeconds(6), false, 0, 0);

    @Test
    void warmupIsUniformInZeroToWarmupAndReproducibleWithASeed() {
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Duration d = CheckSchedule.firstDelay(TIMING, new Random(i));
            assertTrue(!d.isNegative() && d.compareTo(Duration.ofSeconds(6)) <= 0, d::toString);
            seen.add(d);
        }
        assertTrue(seen.size() > 150, "spread: " + seen.size());
        assertEquals(CheckSchedule.firstDelay(TIMING, new Random(42)),
                CheckSchedule.firstDelay(TIMING, new Random(42)));
    }

    @Test
    void zeroWarmupStartsAtOnce() {
        CheckTiming t = TIMING.withLoop(Duration.ofSeconds(6), Duration.ofSeconds(3),
                Duration.ZERO);
        assertEquals(Duration.ZERO, CheckSchedule.firstDelay(t, new Random(1)));
    }

    @Test
    void retryingUsesDelayBeforeRetryOtherwiseDelayLoop() {
        assertEquals(Duration.ofSeconds(2), CheckSchedule.nextDelay(TIMING, true));
        assertEquals(Duration.ofSeconds(6), CheckSchedule.nextDelay(TIMING, false));
    }
}
