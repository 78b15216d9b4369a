package org.lvsd.controller.daemon;

import java.net.InetAddress;
import java.util.List;

import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpListener;
import org.lvsd.vrrp.fsm.VrrpState;

/** Several {@link VrrpListener}s in order (the log, then the notifies). */
record FanOutListener(List<VrrpListener> listeners) implements VrrpListener {

    FanOutListener {
        listeners = List.copyOf(listeners);
    }

    @Override
    public void notify(Transition transition) {
        listeners.forEach(l -> l.notify(transition));
    }

    @Override
    public void masterReceivedLowerPriority(InetAddress from, int priority) {
        listeners.forEach(l -> l.masterReceivedLowerPriority(from, priority));
    }

    @Override
    public void priorityChanged(VrrpState state, int from, int to) {
        listeners.forEach(l -> l.priorityChanged(state, from, to));
    }
}
