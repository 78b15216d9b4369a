package org.lvsd.healthcheck;

import java.time.Duration;
import java.util.Objects;

/**
 * Outcome of one probe.
 *
 * @param ok     whether the probe passed
 * @param reason human-readable reason, for example {@code "HTTP status 503"} or
 *               {@code "connection refused"}
 * @param took   wall time the probe took
 * @param weight weight the probe asks for (MISC_CHECK {@code misc_dynamic}, FILE_CHECK
 *               {@code dynamic}); {@link WeightEffect#none()} for ordinary checkers
 */
public record CheckResult(boolean ok, String reason, Duration took, WeightEffect weight) {

    public CheckResult {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(weight, "weight");
    }

    public static CheckResult up(String reason, Duration took) {
        return new CheckResult(true, reason, took, WeightEffect.none());
    }

    public static CheckResult down(String reason, Duration took) {
        return new CheckResult(false, reason, took, WeightEffect.none());
    }
}
