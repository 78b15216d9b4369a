package org.lvsd.controller.control;

import java.time.Instant;
import java.util.Objects;
import org.lvsd.vrrp.fsm.Transition;

/** A VRRP transition and when it happened. */
public record TimedTransition(Instant at, Transition transition) {

    public TimedTransition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(transition, "transition");
    }
}
