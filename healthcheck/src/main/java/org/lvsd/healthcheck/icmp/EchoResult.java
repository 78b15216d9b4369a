package org.lvsd.healthcheck.icmp;

import java.time.Duration;
import java.util.Objects;

/**
 * Outcome of one echo probe.
 *
 * @param replied whether a matching echo reply arrived in time
 * @param reason  {@code "echo reply"} or why not, for example {@code "no echo reply within 1 s"}
 * @param took    time from sending the request to reading the reply or giving up
 */
public record EchoResult(boolean replied, String reason, Duration took) {

    public EchoResult {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(took, "took");
    }
}
