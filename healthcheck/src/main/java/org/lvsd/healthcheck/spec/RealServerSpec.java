package org.lvsd.healthcheck.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code real_server} block with its checkers.
 *
 * @param weight           {@code weight} (0 allowed)
 * @param inhibitOnFailure {@code inhibit_on_failure}: a failed server stays at weight 0
 * @param notifyUp         {@code notify_up} command, passed through on events
 * @param notifyDown       {@code notify_down} command, passed through on events
 * @param slowStart        lvsd {@code slow_start}: after a recovery the weight ramps from 1 to
 *                         {@code weight} over this time; {@link Duration#ZERO} disables
 * @param checkers         the checker blocks; none means always up
 */
public record RealServerSpec(RealServerId id, int weight, boolean inhibitOnFailure,
                             Optional<String> notifyUp, Optional<String> notifyDown,
                             Duration slowStart, List<CheckerSpec> checkers) {

    public RealServerSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(notifyUp, "notifyUp");
        Objects.requireNonNull(notifyDown, "notifyDown");
        Objects.requireNonNull(slowStart, "slowStart");
        checkers = List.copyOf(checkers);
        if (weight < 0) {
            throw new IllegalArgumentException("weight must be >= 0");
        }
        if (slowStart.isNegative()) {
            throw new IllegalArgumentException("slow_start must be >= 0");
        }
    }

    /** A plain server: no notify, no slow start, no inhibit. */
    public static RealServerSpec of(RealServerId id, int weight, List<CheckerSpec> checkers) {
        return new RealServerSpec(id, weight, false, Optional.empty(), Optional.empty(),
                Duration.ZERO, checkers);
    }
}
