package org.lvsd.controller.metrics;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lvsd.vrrp.codec.RejectReason;
import org.lvsd.vrrp.fsm.InstanceCounters;
import org.lvsd.vrrp.fsm.VrrpInstance;
import org.lvsd.vrrp.fsm.VrrpState;
import org.lvsd.vrrp.rx.ReceiveCounters;
import org.lvsd.vrrp.rx.ReceiveWarning;

/**
 * One VRRP instance at scrape time (keepalived reference §4.8 statistics).
 *
 * @param name               instance name ({@code vrrp_instance NAME})
 * @param interfaceName      the instance's {@code interface}
 * @param vrid               virtual router id
 * @param state              current state
 * @param effectivePriority  priority after trackers
 * @param lastTransition     when the state last changed, empty before the first change
 * @param advertsReceived    adverts received for the instance, accepted or not
 * @param advertsSent        adverts sent
 * @param becameMaster       transitions to MASTER
 * @param releasedMaster     transitions out of MASTER
 * @param priorityZeroReceived adverts with priority 0 received
 * @param priorityZeroSent   adverts with priority 0 sent
 * @param garpsSent          gratuitous ARPs and unsolicited neighbour advertisements sent
 * @param addressListErrors  accepted adverts whose address list differs from ours
 * @param rejected           refused adverts by reason (absent reasons count as 0)
 */
public record VrrpInstanceSnapshot(String name, String interfaceName, int vrid, VrrpState state,
                                   int effectivePriority, Optional<Instant> lastTransition,
                                   long advertsReceived, long advertsSent, long becameMaster,
                                   long releasedMaster, long priorityZeroReceived, long priorityZeroSent,
                                   long garpsSent, long addressListErrors, Map<RejectReason, Long> rejected) {

    public VrrpInstanceSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastTransition, "lastTransition");
        EnumMap<RejectReason, Long> all = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            all.put(r, rejected.getOrDefault(r, 0L));
        }
        rejected = Map.copyOf(all);
    }

    /** The snapshot of a running instance, its receive counters and what the daemon tracks besides. */
    public static VrrpInstanceSnapshot of(VrrpInstance instance, String interfaceName, ReceiveCounters rx,
                                          Optional<Instant> lastTransition, long garpsSent) {
        InstanceCounters c = instance.counters();
        return new VrrpInstanceSnapshot(instance.name(), interfaceName, instance.params().vrid(),
                instance.state(), instance.effectivePriority(), lastTransition, rx.received(),
                c.advertsSent(), c.becameMaster(), c.releasedMaster(), c.priorityZeroReceived(),
                c.priorityZeroSent(), garpsSent, rx.warnings(ReceiveWarning.VIP_MISMATCH),
                rx.rejectedSnapshot());
    }
}
