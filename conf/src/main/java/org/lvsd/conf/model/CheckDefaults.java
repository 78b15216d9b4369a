package org.lvsd.conf.model;

import java.time.Duration;
import java.util.Optional;

/**
 * Check settings given on a virtual server, real server or checker, before inheritance:
 * each level's values default the next one's (keepalived.conf(5)), and what no level gives
 * falls to the checker type's default.
 *
 * @param delayLoop {@code delay_loop}
 * @param connectTimeout {@code connect_timeout}
 * @param retry {@code retry} / {@code nb_get_retry}
 * @param delayBeforeRetry {@code delay_before_retry}
 * @param warmup {@code warmup}
 * @param alpha {@code alpha}
 * @param rise lvsd {@code rise}
 * @param fall lvsd {@code fall}
 * @param slowStart lvsd {@code slow_start}
 */
public record CheckDefaults(Optional<Duration> delayLoop, Optional<Duration> connectTimeout,
        Optional<Integer> retry, Optional<Duration> delayBeforeRetry, Optional<Duration> warmup,
        Optional<Boolean> alpha, Optional<Integer> rise, Optional<Integer> fall, Optional<Duration> slowStart) {

    /** These values where given, else {@code parent}'s. */
    public CheckDefaults over(CheckDefaults parent) {
        return new CheckDefaults(delayLoop.or(parent::delayLoop), connectTimeout.or(parent::connectTimeout),
                retry.or(parent::retry), delayBeforeRetry.or(parent::delayBeforeRetry), warmup.or(parent::warmup),
                alpha.or(parent::alpha), rise.or(parent::rise), fall.or(parent::fall), slowStart.or(parent::slowStart));
    }
}
