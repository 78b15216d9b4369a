package org.lvsd.controller.mapping;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.lvsd.conf.model.VirtualServer;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;

/**
 * The settings of one IPVS service of a virtual server: {@code lvs_sched} and its flag keywords
 * (keepalived.conf(5); ipvsadm(8) {@code -b}: {@code flag-1..3} are IP_VS_SVC_F_SCHED1..3,
 * {@code sh-fallback} / {@code mh-fallback} SCHED1, {@code sh-port} / {@code mh-port} SCHED2,
 * {@code ops} ONE_PACKET ({@code -o}), {@code hashed} HASHED) and persistence
 * ({@code -p} timeout, {@code -M} granularity, {@code --pe} engine).
 */
final class ServiceOptions {

    private final VirtualServer vs;
    private final Problems problems;

    ServiceOptions(VirtualServer vs, Problems problems) {
        this.vs = vs;
        this.problems = problems;
    }

    /** The flags of the scheduler keywords, with warnings for those that mean nothing here. */
    Set<ServiceFlag> flags() {
        String sched = vs.scheduler().name();
        Set<ServiceFlag> out = EnumSet.noneOf(ServiceFlag.class);
        for (String f : vs.scheduler().flags()) {
            switch (f) {
                case "flag-1" -> out.add(ServiceFlag.SCHED1);
                case "flag-2" -> out.add(ServiceFlag.SCHED2);
                case "flag-3" -> out.add(ServiceFlag.SCHED3);
                case "sh-fallback", "mh-fallback" -> hashFlag(f, sched, out, ServiceFlag.SCHED1);
                case "sh-port", "mh-port" -> hashFlag(f, sched, out, ServiceFlag.SCHED2);
                case "ops" -> out.add(ServiceFlag.ONE_PACKET);
                case "hashed" -> out.add(ServiceFlag.HASHED);
                default -> problems.warning(vs.where(), "unknown scheduler flag '" + f + "' ignored");
            }
        }
        return out;
    }

    private void hashFlag(String flag, String sched, Set<ServiceFlag> out, ServiceFlag bit) {
        if (!flag.startsWith(sched + "-")) {
            problems.warning(vs.where(), flag + " has no meaning for scheduler " + sched + " (ignored)");
            return;
        }
        out.add(bit);
    }

    /** The service of {@code key} with the scheduler, {@code flags} and persistence applied. */
    VirtualService service(ServiceKey key, Set<ServiceFlag> flags) {
        Set<ServiceFlag> f = EnumSet.noneOf(ServiceFlag.class);
        f.addAll(flags);
        if (f.contains(ServiceFlag.ONE_PACKET) && (key.isFwmark() || key.protocol() != Protocol.UDP)) {
            problems.warning(vs.where(), "ops (one-packet scheduling) is only for UDP services; ignored for " + key);
            f.remove(ServiceFlag.ONE_PACKET);
        }
        int full = VirtualService.fullNetmask(key.family());
        if (vs.persistenceTimeout().isEmpty()) {
            if (vs.persistenceGranularity().isPresent() || vs.persistenceEngine().isPresent()) {
                problems.warning(vs.where(), "persistence_granularity and persistence_engine need"
                        + " persistence_timeout; ignored for " + key);
            }
            return new VirtualService(key, vs.scheduler().name(), f, 0, full, "");
        }
        int mask = full;
        if (vs.persistenceGranularity().isPresent()) {
            String g = vs.persistenceGranularity().get();
            Optional<Integer> m = Granularity.netmask(g, key.family());
            if (m.isEmpty()) {
                problems.error(vs.where(), "persistence_granularity " + g + " does not fit the "
                        + (key.family() == AddressFamily.INET ? "IPv4" : "IPv6") + " service " + key
                        + (key.family() == AddressFamily.INET ? " (netmask or prefix 0..32)" : " (prefix 1..128)"));
            } else {
                mask = m.get();
            }
        }
        return new VirtualService(key, vs.scheduler().name(), f, 0, full, vs.persistenceEngine().orElse(""))
                .withPersistence((int) vs.persistenceTimeout().get().toSeconds(), mask);
    }
}
