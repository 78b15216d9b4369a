package org.lvsd.healthcheck.schedule;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.lvsd.healthcheck.spec.CheckTiming;

/** When a checker runs next (keepalived: warmup, delay_loop, delay_before_retry). */
public final class CheckSchedule {

    private CheckSchedule() {
    }

    /** A uniformly random delay in [0, warmup] (millisecond grain); zero when warmup is 0. */
    public static Duration firstDelay(CheckTiming timing, RandomGenerator random) {
        long max = timing.warmup().toMillis();
        return max <= 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(max + 1));
    }

    /**
     * The delay after a result: {@code delay_before_retry} while an up checker is re-checking a
     * failure, {@code delay_loop} otherwise.
     */
    public static Duration nextDelay(CheckTiming timing, boolean retrying) {
        return retrying ? timing.delayBeforeRetry() : timing.delayLoop();
    }
}
