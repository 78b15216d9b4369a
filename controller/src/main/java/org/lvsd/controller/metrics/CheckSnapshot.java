package org.lvsd.controller.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One checker of a real server at scrape time.
 *
 * @param check            the {@code check} label: {@code tcp}, {@code http}, {@code ssl}, {@code misc},
 *                         {@code dns}, {@code udp}, {@code ping}, {@code smtp}, {@code file}; unique
 *                         within the real server (the daemon numbers repeats, e.g. {@code http2})
 * @param lastDuration     how long the last probe took, empty before the first probe
 * @param failuresByReason failed probes by reason; the reasons must be a small fixed set (they
 *                         become label values), e.g. {@code timeout}, {@code refused}, {@code status}
 */
public record CheckSnapshot(String check, Optional<Duration> lastDuration, Map<String, Long> failuresByReason) {

    public CheckSnapshot {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(lastDuration, "lastDuration");
        failuresByReason = Map.copyOf(failuresByReason);
    }
}
