package org.lvsd.healthcheck.decision;

import java.time.Duration;
import java.time.Instant;

/**
 * lvsd {@code slow_start}, after HAProxy's {@code slowstart}: from the moment a real server
 * recovers, its weight grows linearly from 1 to the target over the ramp time.
 */
public record SlowStart(Duration ramp) {

    public SlowStart {
        if (ramp.isNegative()) {
            throw new IllegalArgumentException("slow_start must be >= 0");
        }
    }

    /** Whether the ramp is over (or disabled) at {@code now} for a recovery at {@code since}. */
    public boolean finished(Instant since, Instant now) {
        return ramp.isZero() || !now.isBefore(since.plus(ramp));
    }

    /**
     * Weight at {@code now}: max(1, floor(target × elapsed / ramp)), capped at target;
     * a target of 0 stays 0.
     */
    public int weight(int target, Instant since, Instant now) {
        if (target == 0 || finished(since, now)) {
            return target;
        }
        long elapsed = Math.max(0, Duration.between(since, now).toMillis());
        long w = (long) target * elapsed / ramp.toMillis();
        return (int) Math.max(1, Math.min(target, w));
    }
}
