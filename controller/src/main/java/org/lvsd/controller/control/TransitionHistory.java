package org.lvsd.controller.control;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpListener;

/**
 * The last few transitions of one VRRP instance with their times: register it as one of the
 * instance's listeners, read {@link #recent()} for {@code status} and {@link #last()} for
 * {@code lvsd_vrrp_last_transition_timestamp_seconds}. Written on the instance's scheduler thread,
 * read from any thread.
 */
public final class TransitionHistory implements VrrpListener {

    private final Clock clock;
    private final int keep;
    private final Deque<TimedTransition> recent = new ArrayDeque<>();

    /** Keeps the latest {@code keep} (at least 1) transitions, timed by {@code clock}. */
    public TransitionHistory(Clock clock, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1: " + keep);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keep = keep;
    }

    @Override
    public synchronized void notify(Transition transition) {
        recent.addLast(new TimedTransition(clock.instant(), transition));
        if (recent.size() > keep) {
            recent.removeFirst();
        }
    }

    /** The kept transitions, oldest first. */
    public synchronized List<TimedTransition> recent() {
        return List.copyOf(recent);
    }

    /** When the latest transition happened, empty before the first one. */
    public synchronized Optional<Instant> last() {
        return recent.isEmpty() ? Optional.empty() : Optional.of(recent.getLast().at());
    }
}
