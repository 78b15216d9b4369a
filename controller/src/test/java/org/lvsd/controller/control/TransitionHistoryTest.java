package org.lvsd.controller.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpState;

class TransitionHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    /** A clock the test sets. */
    private static final class MutableClock extends Clock {
        volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Transition t(VrrpState from, VrrpState to) {
        return new Transition("VI_1", from, to, 100, from + " to " + to);
    }

    @Test
    void keepsTheLatestTransitionsOldestFirstWithTheirTimes() {
        MutableClock clock = new MutableClock();
        TransitionHistory history = new TransitionHistory(clock, 2);
        assertEquals(Optional.empty(), history.last());
        assertEquals(List.of(), history.recent());
        history.notify(t(VrrpState.INIT, VrrpState.BACKUP));
        clock.now = T0.plusSeconds(4);
        history.notify(t(VrrpState.BACKUP, VrrpState.MASTER));
        clock.now = T0.plusSeconds(9);
        history.notify(t(VrrpState.MASTER, VrrpState.FAULT));
        assertEquals(List.of(new TimedTransition(T0.plusSeconds(4), t(VrrpState.BACKUP, VrrpState.MASTER)),
                new TimedTransition(T0.plusSeconds(9), t(VrrpState.MASTER, VrrpState.FAULT))), history.recent());
        assertEquals(Optional.of(T0.plusSeconds(9)), history.last());
    }

    @Test
    void keepsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new TransitionHistory(Clock.systemUTC(), 0));
    }
}
