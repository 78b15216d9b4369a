package org.lvsd.controller.daemon;

import java.net.InetAddress;

import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpListener;
import org.lvsd.vrrp.fsm.VrrpState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the VRRP events the engine does not log itself: a MASTER answering a lower priority and
 * priority changes (INFO). The engine logs each transition with its reason at INFO; this adds the
 * effective priority at DEBUG: {@code VI_1: BACKUP -> MASTER (priority 150): master down timer
 * expired}.
 */
final class TransitionLog implements VrrpListener {

    private static final Logger LOG = LoggerFactory.getLogger(TransitionLog.class);

    private final String instance;

    TransitionLog(String instance) {
        this.instance = instance;
    }

    /** The log line of a transition. */
    static String line(Transition t) {
        return t.instance() + ": " + t.from() + " -> " + t.to() + " (priority " + t.priority() + "): " + t.reason();
    }

    @Override
    public void notify(Transition transition) {
        LOG.debug("{}", line(transition));
    }

    @Override
    public void masterReceivedLowerPriority(InetAddress from, int priority) {
        LOG.debug("{}: MASTER heard lower priority {} from {}", instance, priority, from.getHostAddress());
    }

    @Override
    public void priorityChanged(VrrpState state, int from, int to) {
        LOG.info("{}: priority {} -> {} in {}", instance, from, to, state);
    }
}
