package org.lvsd.controller.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lvsd.controller.mapping.MappedConfig;
import org.lvsd.controller.mapping.MappedVirtualServer;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.VirtualService;

/**
 * What a reload changes in the configured IPVS table, as ipvsadm(8) commands ({@link TableDiff}'s
 * order): the configured table of a configuration is each virtual server's services with every
 * real server at its configured weight (health, drains and sorry servers left out), so the diff
 * shows the configuration's own changes, not the moment's health.
 */
public final class ConfigDiff {

    private ConfigDiff() {
    }

    /** The changes from {@code running} to {@code next} (empty: no virtual servers). */
    public static List<TableChange> between(Optional<MappedConfig> running, Optional<MappedConfig> next) {
        DesiredTable before = running.map(ConfigDiff::configured).orElse(DesiredTable.EMPTY);
        DesiredTable after = next.map(ConfigDiff::configured).orElse(DesiredTable.EMPTY);
        return TableDiff.between(after, entries(before), before.keys());
    }

    /** Every configured real server of every virtual server at its configured weight. */
    static DesiredTable configured(MappedConfig config) {
        Map<org.lvsd.ipvs.ServiceKey, DesiredService> out = new LinkedHashMap<>();
        for (MappedVirtualServer vs : config.virtualServers()) {
            for (VirtualService svc : vs.services()) {
                Map<org.lvsd.ipvs.RealServer, Destination> dests = new LinkedHashMap<>();
                for (Destination template : vs.destinations().values()) {
                    Destination d = MappedVirtualServer.destinationFor(svc, template);
                    dests.putIfAbsent(d.server(), d);
                }
                out.putIfAbsent(svc.key(), new DesiredService(svc, List.copyOf(dests.values())));
            }
        }
        return new DesiredTable(List.copyOf(out.values()));
    }

    private static List<ServiceEntry> entries(DesiredTable table) {
        List<ServiceEntry> out = new ArrayList<>();
        for (DesiredService s : table.services()) {
            out.add(new ServiceEntry(s.service(), Stats.ZERO, s.destinations().stream()
                    .map(d -> new DestinationEntry(d, 0, 0, 0, Stats.ZERO)).toList()));
        }
        return out;
    }
}
