package org.lvsd.healthcheck.spec;

import java.time.Duration;
import java.util.Objects;

/**
 * The timing keywords every checker has (keepalived.conf(5), "virtual_server" and checker
 * common options), plus the lvsd extensions {@code rise} and {@code fall}.
 *
 * @param delayLoop        {@code delay_loop}: period between checks (keepalived default 60 s)
 * @param connectTimeout   {@code connect_timeout}: bound on one whole probe (default 5 s)
 * @param retry            {@code retry}: re-checks after a first failure before the checker goes
 *                         down (default 1; DNS 3; MISC 0)
 * @param delayBeforeRetry {@code delay_before_retry}: delay between those re-checks
 * @param warmup           {@code warmup}: the first check waits a random 0..warmup;
 *                         {@link Duration#ZERO} disables (keepalived default: delay_loop)
 * @param alpha            {@code alpha}: start down and need a success first
 * @param rise             lvsd {@code rise}: consecutive successes to come up; 0 = keepalived (1)
 * @param fall             lvsd {@code fall}: consecutive failures to go down; 0 = keepalived
 *                         ({@code retry + 1})
 */
public record CheckTiming(Duration delayLoop, Duration connectTimeout, int retry,
                          Duration delayBeforeRetry, Duration warmup, boolean alpha,
                          int rise, int fall) {

    public CheckTiming {
        Objects.requireNonNull(delayLoop, "delayLoop");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(delayBeforeRetry, "delayBeforeRetry");
        Objects.requireNonNull(warmup, "warmup");
        if (delayLoop.isNegative() || delayLoop.isZero()) {
            throw new IllegalArgumentException("delay_loop must be > 0");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect_timeout must be > 0");
        }
        if (delayBeforeRetry.isNegative() || warmup.isNegative()) {
            throw new IllegalArgumentException("delays must be >= 0");
        }
        if (retry < 0 || rise < 0 || fall < 0) {
            throw new IllegalArgumentException("retry, rise and fall must be >= 0");
        }
    }

    /** keepalived's defaults for TCP_CHECK: 60 s loop, 5 s timeout, retry 1, 1 s, warmup 60 s. */
    public static CheckTiming keepalivedDefaults() {
        return new CheckTiming(Duration.ofSeconds(60), Duration.ofSeconds(5), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(60), false, 0, 0);
    }

    /** Consecutive failures that take an up checker down. */
    public int failThreshold() {
        return fall > 0 ? fall : retry + 1;
    }

    /** Consecutive successes that bring a down checker up. */
    public int riseThreshold() {
        return rise > 0 ? rise : 1;
    }

    /** Whether keepalived's retry semantics apply (no lvsd {@code fall} given). */
    public boolean keepalivedRetry() {
        return fall == 0;
    }

    public CheckTiming withAlpha(boolean value) {
        return new CheckTiming(delayLoop, connectTimeout, retry, delayBeforeRetry, warmup, value,
                rise, fall);
    }

    public CheckTiming withRiseFall(int newRise, int newFall) {
        return new CheckTiming(delayLoop, connectTimeout, retry, delayBeforeRetry, warmup, alpha,
                newRise, newFall);
    }

    public CheckTiming withLoop(Duration newDelayLoop, Duration newConnectTimeout,
                                Duration newWarmup) {
        return new CheckTiming(newDelayLoop, newConnectTimeout, retry, delayBeforeRetry,
                newWarmup, alpha, rise, fall);
    }
}
