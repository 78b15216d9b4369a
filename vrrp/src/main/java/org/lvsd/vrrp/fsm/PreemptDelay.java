package org.lvsd.vrrp.fsm;

import java.time.Duration;
import org.lvsd.vrrp.time.Scheduler;

/**
 * keepalived {@code preempt_delay} (reference §2.6): a preempting backup accepts a lower
 * priority master until the delay started by that master's first advert runs out; then it
 * discards those adverts and takes over one down timer later. Not in RFC 5798 (§6.1 only has
 * Preempt_Mode).
 */
final class PreemptDelay {

    private final Scheduler clock;
    private final long delayNanos;
    private boolean running;
    private long deadlineNanos;

    PreemptDelay(Scheduler clock, Duration delay) {
        this.clock = clock;
        this.delayNanos = delay.toNanos();
    }

    /** For a lower-priority advert: true while it must still be accepted (starts the delay). */
    boolean holds() {
        if (delayNanos == 0) {
            return false;
        }
        if (!running) {
            running = true;
            deadlineNanos = clock.nanoTime() + delayNanos;
            return true;
        }
        return clock.nanoTime() - deadlineNanos < 0;
    }

    /** A master of at least our priority was heard, or the state changed: start afresh. */
    void reset() {
        running = false;
    }
}
