package org.lvsd.ipvs;

import java.util.List;
import java.util.Objects;

/** A listed service: settings, statistics and destinations (in the driver's order). */
public record ServiceEntry(VirtualService service, Stats stats, List<DestinationEntry> destinations) {
    public ServiceEntry {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(stats, "stats");
        destinations = List.copyOf(destinations);
    }
}
