package org.lvsd.controller.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lvsd.controller.mapping.MappedConfig;
import org.lvsd.controller.mapping.MappedVirtualServer;
import org.lvsd.healthcheck.decision.PoolMembership;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;

/**
 * The IPVS table lvsd wants, service by service in configuration order.
 *
 * @param services the services, each key once
 */
public record DesiredTable(List<DesiredService> services) {

    /** No services. */
    public static final DesiredTable EMPTY = new DesiredTable(List.of());

    public DesiredTable {
        services = List.copyOf(services);
        Set<ServiceKey> seen = new LinkedHashSet<>();
        for (DesiredService s : services) {
            if (!seen.add(s.service().key())) {
                throw new IllegalArgumentException("service " + s.service().key() + " twice");
            }
        }
    }

    /**
     * The table for {@code config} with the pools' current {@code memberships} (by virtual server id)
     * and the operator's {@code drains}. Pure. Each member of a pool becomes a destination of every
     * service of its virtual server at the member's weight: the health module has already applied
     * {@code inhibit_on_failure} (a failed server kept at weight 0), the quorum and the sorry server
     * (which replaces the pool while the quorum is lost, or stays at weight 0 with
     * {@code sorry_server_inhibit}); a drained member gets weight 0. A pool without a membership
     * yet has no destinations, and a member the configuration does not know (a pool still on the
     * previous configuration during a reload) is left out. When the sorry server is also a real server (a configuration
     * mistake keepalived users make), the higher weight wins.
     */
    public static DesiredTable of(MappedConfig config, Map<String, PoolMembership> memberships, Set<Drain> drains) {
        List<DesiredService> out = new ArrayList<>();
        for (MappedVirtualServer vs : config.virtualServers()) {
            PoolMembership pool = memberships.get(vs.id());
            List<PoolMembership.Member> members = pool == null ? List.of() : pool.members();
            for (VirtualService svc : vs.services()) {
                Map<RealServer, Destination> dests = new LinkedHashMap<>();
                for (PoolMembership.Member m : members) {
                    Destination template = m.sorryServer() ? vs.sorryServer().orElse(null)
                            : vs.destinations().get(m.server());
                    if (template == null) {
                        continue;
                    }
                    boolean drained = drains.stream().anyMatch(d -> d.matches(vs.id(), m.server()));
                    Destination d = MappedVirtualServer.destinationFor(svc, template)
                            .withWeight(drained ? 0 : m.weight());
                    dests.merge(d.server(), d, (a, b) -> b.weight() > a.weight() ? b : a);
                }
                out.add(new DesiredService(svc, List.copyOf(dests.values())));
            }
        }
        return new DesiredTable(out);
    }

    /** A listed table as a desired one (settings only, no counters). */
    public static DesiredTable fromEntries(List<ServiceEntry> entries) {
        List<DesiredService> out = new ArrayList<>();
        for (ServiceEntry e : entries) {
            out.add(new DesiredService(e.service(),
                    e.destinations().stream().map(DestinationEntry::destination).toList()));
        }
        return new DesiredTable(out);
    }

    /** The service keys, in order. */
    public Set<ServiceKey> keys() {
        Set<ServiceKey> keys = new LinkedHashSet<>();
        services.forEach(s -> keys.add(s.service().key()));
        return keys;
    }
}
