package org.lvsd.controller.reconcile;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.VirtualService;

/**
 * One service as it should be: its settings and exactly these destinations.
 *
 * @param service the service settings
 * @param destinations its destinations, each server once
 */
public record DesiredService(VirtualService service, List<Destination> destinations) {

    public DesiredService {
        Objects.requireNonNull(service, "service");
        destinations = List.copyOf(destinations);
        Set<RealServer> seen = new HashSet<>();
        for (Destination d : destinations) {
            if (!seen.add(d.server())) {
                throw new IllegalArgumentException(service.key() + ": destination " + d.server() + " twice");
            }
        }
    }
}
