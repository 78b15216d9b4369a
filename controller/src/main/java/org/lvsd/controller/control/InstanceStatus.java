package org.lvsd.controller.control;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.lvsd.vrrp.fsm.VrrpState;

/**
 * One VRRP instance for {@code status}.
 *
 * @param name        instance name
 * @param state       current state
 * @param priority    effective priority
 * @param vips        its virtual addresses
 * @param transitions its most recent transitions, oldest first (the daemon keeps a few)
 */
public record InstanceStatus(String name, VrrpState state, int priority, List<InetAddress> vips,
                             List<TimedTransition> transitions) {

    public InstanceStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        vips = List.copyOf(vips);
        transitions = List.copyOf(transitions);
    }
}
