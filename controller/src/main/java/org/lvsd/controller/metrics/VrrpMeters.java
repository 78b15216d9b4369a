package org.lvsd.controller.metrics;

import static org.lvsd.controller.metrics.MeterFamily.Kind.COUNTER;
import static org.lvsd.controller.metrics.MeterFamily.Kind.GAUGE;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.lvsd.vrrp.codec.RejectReason;
import org.lvsd.vrrp.fsm.VrrpState;

/**
 * The {@code lvsd_vrrp_*} families, labelled {@code iname, interface, vrid}. Receive errors are
 * exposed twice: under the keepalived exporter's names (several reasons fold into one name, as
 * keepalived counts them) and one-by-one as {@code lvsd_vrrp_advertisements_rejected_total{reason}}.
 */
final class VrrpMeters {

    /** keepalived exporter error counter names and the reject reasons each one counts. */
    private static final Map<String, Set<RejectReason>> ERRORS = errors();

    private final Map<String, ToDoubleFunction<VrrpInstanceSnapshot>> perInstance = new LinkedHashMap<>();
    private final Map<String, MeterFamily> families = new LinkedHashMap<>();
    private final MeterFamily lastTransition;
    private final MeterFamily rejected;

    VrrpMeters(MeterRegistry registry) {
        gauge(registry, "lvsd.vrrp.state", "VRRP state: 0=INIT 1=BACKUP 2=MASTER 3=FAULT",
                s -> encode(s.state()));
        gauge(registry, "lvsd.vrrp.effective.priority", "Priority after trackers",
                VrrpInstanceSnapshot::effectivePriority);
        counter(registry, "lvsd.vrrp.advertisements.received", "Adverts received, accepted or not",
                VrrpInstanceSnapshot::advertsReceived);
        counter(registry, "lvsd.vrrp.advertisements.sent", "Adverts sent", VrrpInstanceSnapshot::advertsSent);
        counter(registry, "lvsd.vrrp.become.master", "Transitions to MASTER", VrrpInstanceSnapshot::becameMaster);
        counter(registry, "lvsd.vrrp.release.master", "Transitions out of MASTER",
                VrrpInstanceSnapshot::releasedMaster);
        counter(registry, "lvsd.vrrp.priority.zero.received", "Adverts with priority 0 received",
                VrrpInstanceSnapshot::priorityZeroReceived);
        counter(registry, "lvsd.vrrp.priority.zero.sent", "Adverts with priority 0 sent",
                VrrpInstanceSnapshot::priorityZeroSent);
        counter(registry, "lvsd.vrrp.gratuitous.arp.sent", "Gratuitous ARPs and unsolicited NAs sent",
                VrrpInstanceSnapshot::garpsSent);
        counter(registry, "lvsd.vrrp.address.list.errors", "Adverts whose address list differs from ours",
                VrrpInstanceSnapshot::addressListErrors);
        ERRORS.forEach((name, reasons) -> counter(registry, name, "Adverts refused: " + reasons,
                s -> reasons.stream().mapToLong(r -> s.rejected().get(r)).sum()));
        lastTransition = new MeterFamily(registry, "lvsd.vrrp.last.transition.timestamp.seconds",
                "Unix time of the last state change", GAUGE);
        rejected = new MeterFamily(registry, "lvsd.vrrp.advertisements.rejected", "Adverts refused, by reason",
                COUNTER);
    }

    /** 0=INIT 1=BACKUP 2=MASTER 3=FAULT, the keepalived exporter's encoding. */
    static int encode(VrrpState state) {
        return switch (state) {
            case INIT -> 0;
            case BACKUP -> 1;
            case MASTER -> 2;
            case FAULT -> 3;
        };
    }

    void update(List<VrrpInstanceSnapshot> instances) {
        perInstance.forEach((name, f) -> {
            Map<Tags, Double> values = new HashMap<>();
            instances.forEach(s -> values.put(tags(s), f.applyAsDouble(s)));
            families.get(name).update(values);
        });
        Map<Tags, Double> transitions = new HashMap<>();
        Map<Tags, Double> reasons = new HashMap<>();
        for (VrrpInstanceSnapshot s : instances) {
            s.lastTransition().ifPresent(t -> transitions.put(tags(s), t.toEpochMilli() / 1000.0));
            s.rejected().forEach((r, n) -> reasons.put(tags(s).and("reason", r.name().toLowerCase(Locale.ROOT)),
                    n.doubleValue()));
        }
        lastTransition.update(transitions);
        rejected.update(reasons);
    }

    private void gauge(MeterRegistry registry, String name, String help, ToDoubleFunction<VrrpInstanceSnapshot> f) {
        perInstance.put(name, f);
        families.put(name, new MeterFamily(registry, name, help, GAUGE));
    }

    private void counter(MeterRegistry registry, String name, String help, ToDoubleFunction<VrrpInstanceSnapshot> f) {
        perInstance.put(name, f);
        families.put(name, new MeterFamily(registry, name, help, COUNTER));
    }

    private static Tags tags(VrrpInstanceSnapshot s) {
        return Tags.of("iname", s.name(), "interface", s.interfaceName(), "vrid", Integer.toString(s.vrid()));
    }

    private static Map<String, Set<RejectReason>> errors() {
        Map<String, Set<RejectReason>> m = new LinkedHashMap<>();
        m.put("lvsd.vrrp.packet.length.errors", EnumSet.of(RejectReason.TRUNCATED, RejectReason.LENGTH_MISMATCH));
        m.put("lvsd.vrrp.advertisements.interval.errors", EnumSet.of(RejectReason.ADVERT_INTERVAL_MISMATCH));
        m.put("lvsd.vrrp.ip.ttl.errors", EnumSet.of(RejectReason.BAD_TTL));
        m.put("lvsd.vrrp.invalid.type.received", EnumSet.of(RejectReason.BAD_TYPE));
        m.put("lvsd.vrrp.authentication.invalid",
                EnumSet.of(RejectReason.BAD_AUTH_TYPE, RejectReason.AUTH_AH_UNSUPPORTED));
        m.put("lvsd.vrrp.authentication.mismatch", EnumSet.of(RejectReason.AUTH_TYPE_MISMATCH));
        m.put("lvsd.vrrp.authentication.failure", EnumSet.of(RejectReason.AUTH_FAILURE));
        return Collections.unmodifiableMap(m);
    }
}
