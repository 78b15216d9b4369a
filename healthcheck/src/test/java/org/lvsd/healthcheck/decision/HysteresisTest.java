package org.lvsd.healthcheck.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HysteresisTest {

    private static List<Boolean> feed(Hysteresis h, boolean... results) {
        List<Boolean> states = new ArrayList<>();
        for (boolean r : results) {
            h.record(r);
            states.add(h.up());
        }
        return states;
    }

    @Test
    void goesDownOnlyAfterFallConsecutiveFailures() {
        Hysteresis h = new Hysteresis(2, 3, true);
        assertEquals(List.of(true, true, true, true, true, false),
                feed(h, false, false, true, false, false, false));
    }

    @Test
    void comesUpOnlyAfterRiseConsecutiveSuccesses() {
        Hysteresis h = new Hysteresis(2, 3, false);
        assertEquals(List.of(false, false, false, true), feed(h, true, false, true, true));
    }

    @Test
    void recordReportsOnlyTransitions() {
        Hysteresis h = new Hysteresis(1, 1, true);
        assertFalse(h.record(true));
        assertTrue(h.record(false));
        assertFalse(h.record(false));
        assertTrue(h.record(true));
    }

    @Test
    void pendingCountsTrackTheRunInProgress() {
        Hysteresis h = new Hysteresis(3, 3, true);
        h.record(false);
        h.record(false);
        assertEquals(2, h.pendingFailures());
        h.record(true);
        assertEquals(0, h.pendingFailures());
        assertTrue(h.forceDown());
        h.record(true);
        assertEquals(1, h.pendingSuccesses());
        assertFalse(h.forceDown());
        assertEquals(0, h.pendingSuccesses());
    }

    @Test
    void rejectsZeroThresholds() {
        assertThrows(IllegalArgumentException.class, () -> new Hysteresis(0, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new Hysteresis(1, 0, true));
    }
}
