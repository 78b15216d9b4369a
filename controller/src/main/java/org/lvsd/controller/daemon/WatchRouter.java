package org.lvsd.controller.daemon;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.lvsd.vrrp.addr.AddressListener;
import org.lvsd.vrrp.track.TrackerKind;
import org.lvsd.vrrp.track.TrackerSpec;
import org.lvsd.vrrp.track.TrackerStatus;

/**
 * Hands {@code AddressWatcher} events to the instances' loops: a link change goes to every
 * instance's interface trackers (an instance not tracking that interface ignores it); a deleted
 * address goes to the instance holding it, which reacts when its manager confirms the VIP is gone
 * (keepalived: a MASTER that loses a VIP re-adds it or re-elects).
 */
final class WatchRouter implements AddressListener {

    private final Supplier<List<Member>> members;

    /** Routes to the instances {@code members} returns at each event (they change on reload). */
    WatchRouter(Supplier<List<Member>> members) {
        this.members = members;
    }

    @Override
    public void addressRemoved(String interfaceName, InetAddress address) {
        for (Member m : members.get()) {
            if (m.addresses().holds(address)) {
                run(m, () -> {
                    if (m.addresses().lost(address)) {
                        m.instance().onVipsLostExternally("VIP " + address.getHostAddress() + " deleted from "
                                + interfaceName);
                    }
                });
            }
        }
    }

    @Override
    public void linkChanged(String interfaceName, boolean up) {
        TrackerStatus status = up ? TrackerStatus.UP : TrackerStatus.DOWN;
        for (Member m : members.get()) {
            run(m, () -> m.instance().onTrackerStatus(TrackerKind.INTERFACE, interfaceName, status));
        }
    }

    /**
     * Tells every instance of {@code starting}, before it starts, which of its tracked interfaces are down now (or do
     * not exist): interface trackers start UP otherwise.
     */
    static void initialStates(Map<String, Boolean> up, List<Member> starting) {
        for (Member m : starting) {
            for (TrackerSpec t : m.instance().params().trackers()) {
                if (t.kind() == TrackerKind.INTERFACE && !up.getOrDefault(t.name(), false)) {
                    run(m, () -> m.instance().onTrackerStatus(TrackerKind.INTERFACE, t.name(), TrackerStatus.DOWN));
                }
            }
        }
    }

    private static void run(Member m, Runnable task) {
        try {
            m.loop().executor().execute(task);
        } catch (RejectedExecutionException e) {
            // stopping: the loop is gone, nothing left to tell
        }
    }
}
