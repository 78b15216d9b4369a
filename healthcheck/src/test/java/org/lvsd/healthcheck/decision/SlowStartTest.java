package org.lvsd.healthcheck.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlowStartTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void rampsLinearlyFromOneToTarget() {
        SlowStart s = new SlowStart(Duration.ofSeconds(10));
        assertEquals(1, s.weight(100, T0, T0));
        assertEquals(10, s.weight(100, T0, T0.plusSeconds(1)));
        assertEquals(50, s.weight(100, T0, T0.plusSeconds(5)));
        assertEquals(99, s.weight(100, T0, T0.plusMillis(9_999)));
        assertEquals(100, s.weight(100, T0, T0.plusSeconds(10)));
        assertTrue(s.finished(T0, T0.plusSeconds(10)));
        assertFalse(s.finished(T0, T0.plusSeconds(9)));
    }

    @Test
    void zeroTargetStaysZeroAndZeroRampIsImmediate() {
        assertEquals(0, new SlowStart(Duration.ofSeconds(10)).weight(0, T0, T0));
        assertEquals(7, new SlowStart(Duration.ZERO).weight(7, T0, T0));
    }
}
