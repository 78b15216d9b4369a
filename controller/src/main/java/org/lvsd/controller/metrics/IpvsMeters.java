package org.lvsd.controller.metrics;

import static org.lvsd.controller.metrics.MeterFamily.Kind.COUNTER;
import static org.lvsd.controller.metrics.MeterFamily.Kind.GAUGE;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;

/**
 * The {@code lvsd_ipvs_backend_*} families, one series per destination, with node_exporter's IPVS
 * labels ({@code local_address, local_port, remote_address, remote_port, proto, local_mark};
 * reference §B.2): firewall-mark services have proto {@code FWM}, an empty address, port 0 and
 * their mark; other services an empty mark.
 */
final class IpvsMeters {

    private final Map<MeterFamily, ToDoubleFunction<DestinationEntry>> families = new LinkedHashMap<>();

    IpvsMeters(MeterRegistry registry) {
        add(registry, "lvsd.ipvs.backend.connections.active", "Active connections", GAUGE, DestinationEntry::activeConns);
        add(registry, "lvsd.ipvs.backend.connections.inactive", "Inactive connections", GAUGE,
                DestinationEntry::inactConns);
        add(registry, "lvsd.ipvs.backend.weight", "Weight in the IPVS table", GAUGE, d -> d.destination().weight());
        add(registry, "lvsd.ipvs.backend.connections", "Connections scheduled", COUNTER, d -> d.stats().conns());
        add(registry, "lvsd.ipvs.backend.incoming.packets", "Packets in", COUNTER, d -> d.stats().inPkts());
        add(registry, "lvsd.ipvs.backend.outgoing.packets", "Packets out", COUNTER, d -> d.stats().outPkts());
        add(registry, "lvsd.ipvs.backend.incoming.bytes", "Bytes in", COUNTER, d -> d.stats().inBytes());
        add(registry, "lvsd.ipvs.backend.outgoing.bytes", "Bytes out", COUNTER, d -> d.stats().outBytes());
    }

    void update(List<ServiceEntry> services) {
        families.forEach((family, f) -> {
            Map<Tags, Double> values = new HashMap<>();
            for (ServiceEntry s : services) {
                for (DestinationEntry d : s.destinations()) {
                    values.put(tags(s.service().key(), d), f.applyAsDouble(d));
                }
            }
            family.update(values);
        });
    }

    private void add(MeterRegistry registry, String name, String help, MeterFamily.Kind kind,
                     ToDoubleFunction<DestinationEntry> f) {
        families.put(new MeterFamily(registry, name, help, kind), f);
    }

    private static Tags tags(ServiceKey key, DestinationEntry d) {
        Tags remote = Tags.of("remote_address", AddressText.format(d.destination().server().address()),
                "remote_port", Integer.toString(d.destination().server().port()));
        if (key.isFwmark()) {
            return remote.and("local_address", "", "local_port", "0", "proto", "FWM",
                    "local_mark", Long.toString(key.fwmarkUnsigned()));
        }
        return remote.and("local_address", AddressText.format(key.address()), "local_port",
                Integer.toString(key.port()), "proto", key.protocol().label(), "local_mark", "");
    }
}
