package org.lvsd.ipvs;

import java.util.Objects;

/** A listed destination: settings, connection counters and statistics. */
public record DestinationEntry(Destination destination, int activeConns, int inactConns, int persistConns,
                               Stats stats) {
    public DestinationEntry {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(stats, "stats");
    }
}
