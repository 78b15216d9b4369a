package org.lvsd.vrrp.fsm;

import java.util.Objects;

/**
 * A state change of one instance, for notifies, logs and metrics.
 *
 * @param instance instance name
 * @param from     previous state
 * @param to       new state
 * @param priority effective priority at the transition
 * @param reason   why, e.g. "higher priority 150 from 198.51.100.3"
 */
public record Transition(String instance, VrrpState from, VrrpState to, int priority, String reason) {

    public Transition {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }
}
