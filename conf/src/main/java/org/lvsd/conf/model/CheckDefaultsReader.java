package org.lvsd.conf.model;

import java.time.Duration;
import java.util.Optional;

/**
 * Reads the check-schedule keywords shared by virtual servers, real servers and checkers:
 * {@code delay_loop}, {@code connect_timeout}, {@code retry} ({@code nb_get_retry}),
 * {@code delay_before_retry}, {@code warmup}, {@code alpha} and lvsd's {@code rise},
 * {@code fall} and {@code slow_start}.
 */
final class CheckDefaultsReader {

    private Optional<Duration> delayLoop = Optional.empty();
    private Optional<Duration> connectTimeout = Optional.empty();
    private Optional<Integer> retry = Optional.empty();
    private Optional<Duration> delayBeforeRetry = Optional.empty();
    private Optional<Duration> warmup = Optional.empty();
    private Optional<Boolean> alpha = Optional.empty();
    private Optional<Integer> rise = Optional.empty();
    private Optional<Integer> fall = Optional.empty();
    private Optional<Duration> slowStart = Optional.empty();

    /** Consumes the statement when it is one of these keywords. */
    boolean accept(Stmt s, Diags d) {
        switch (s.keyword()) {
            case "delay_loop" -> delayLoop = positive(s, d).or(() -> delayLoop);
            case "connect_timeout" -> connectTimeout = positive(s, d).or(() -> connectTimeout);
            case "retry", "nb_get_retry" -> retry = Values.integer(s, 0, 0, Integer.MAX_VALUE, d).or(() -> retry);
            case "delay_before_retry" -> delayBeforeRetry = Values.timer(s, 0, d).or(() -> delayBeforeRetry);
            case "warmup" -> warmup = Values.timer(s, 0, d).or(() -> warmup);
            case "alpha" -> alpha = Values.bool(s, 0, d).or(() -> alpha);
            case "rise" -> rise = Values.integer(s, 0, 1, Integer.MAX_VALUE, d).or(() -> rise);
            case "fall" -> fall = Values.integer(s, 0, 1, Integer.MAX_VALUE, d).or(() -> fall);
            case "slow_start" -> slowStart = Values.timer(s, 0, d).or(() -> slowStart);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static Optional<Duration> positive(Stmt s, Diags d) {
        Optional<Duration> t = Values.timer(s, 0, d);
        if (t.isPresent() && t.get().isZero()) {
            d.error(s.where(), s.keyword() + " must be greater than 0");
            return Optional.empty();
        }
        return t;
    }

    CheckDefaults result() {
        return new CheckDefaults(delayLoop, connectTimeout, retry, delayBeforeRetry, warmup, alpha, rise, fall,
                slowStart);
    }
}
