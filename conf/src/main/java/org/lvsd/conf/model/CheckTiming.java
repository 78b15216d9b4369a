package org.lvsd.conf.model;

import java.time.Duration;
import java.util.Optional;

/**
 * A checker's resolved schedule (keepalived.conf(5), §"real_server" and the checkers).
 *
 * @param delayLoop period between checks (default 60 s)
 * @param connectTimeout time allowed to connect (default 5 s)
 * @param retry re-checks before an up checker is declared down (default 1; DNS 3; MISC 0)
 * @param delayBeforeRetry spacing of the re-checks (default 1 s; HTTP/SSL 3 s; DNS delay_loop)
 * @param warmup upper bound of the random delay before the first check; empty = delay_loop
 * @param alpha start in the failed state
 * @param rise lvsd: successes to come up; empty = keepalived's single success
 * @param fall lvsd: failures to go down; empty = keepalived's retry + 1
 * @param slowStart lvsd: time to ramp the weight up after recovery; zero = off
 */
public record CheckTiming(Duration delayLoop, Duration connectTimeout, int retry, Duration delayBeforeRetry,
        Optional<Duration> warmup, boolean alpha, Optional<Integer> rise, Optional<Integer> fall,
        Duration slowStart) {
}
