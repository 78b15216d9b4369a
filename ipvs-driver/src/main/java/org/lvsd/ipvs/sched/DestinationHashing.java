package org.lvsd.ipvs.sched;

import java.util.List;
import java.util.Optional;
import org.lvsd.ipvs.RealServer;

/**
 * dh (ip_vs_dh.c): 256 buckets filled with the destinations in list order, one bucket each,
 * cycling; a flow's bucket is {@code (fold(virtual address) * 2654435761) & 255}. An unavailable
 * destination in the bucket means no destination.
 */
final class DestinationHashing implements Scheduler {
    static final int TABLE_SIZE = 256;

    private final RealServer[] buckets = new RealServer[TABLE_SIZE];

    @Override
    public String name() {
        return "dh";
    }

    @Override
    public void update(List<Candidate> destinations) {
        for (int i = 0; i < TABLE_SIZE; i++) {
            buckets[i] = destinations.isEmpty() ? null : destinations.get(i % destinations.size()).server();
        }
    }

    @Override
    public Optional<RealServer> schedule(List<Candidate> destinations, Flow flow) {
        int bucket = (AddressFold.fold(flow.virtualAddress()) * AddressFold.KNUTH) & (TABLE_SIZE - 1);
        RealServer server = buckets[bucket];
        if (server == null) {
            return Optional.empty();
        }
        for (Candidate c : destinations) {
            if (c.server().equals(server)) {
                return c.available() ? Optional.of(server) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
