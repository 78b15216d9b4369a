package org.lvsd.ipvs.sched;

import java.net.InetAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lvsd.ipvs.RealServer;

/**
 * lblc (ip_vs_lblc.c): remembers one destination per virtual (destination) address and keeps
 * using it while it has weight, is not overloaded and is not {@link Locality#isOverloaded}; else
 * it picks by weighted least connections (as wlc) and remembers that one. Entries unused for the
 * expiration time (24 h) are forgotten; the kernel drops them from a periodic timer, this model
 * when they are next looked up, so the scheduling outcome is the same.
 */
final class LocalityBasedLeastConnection implements Scheduler {
    private record Entry(RealServer server, long lastUse) {
    }

    private final Clock clock;
    private final Map<InetAddress, Entry> table = new HashMap<>();

    LocalityBasedLeastConnection(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "lblc";
    }

    @Override
    public void update(List<Candidate> destinations) {
        table.values().removeIf(e -> Locality.find(destinations, e.server()) == null);
    }

    @Override
    public Optional<RealServer> schedule(List<Candidate> destinations, Flow flow) {
        long now = clock.millis();
        Entry en = table.get(flow.virtualAddress());
        if (en != null && now - en.lastUse() > Locality.EXPIRATION_MILLIS) {
            table.remove(flow.virtualAddress());
            en = null;
        }
        if (en != null) {
            table.put(flow.virtualAddress(), new Entry(en.server(), now));
            Candidate dest = Locality.find(destinations, en.server());
            if (dest != null && dest.weight() > 0 && !Locality.isOverloaded(dest, destinations)) {
                return Optional.of(dest.server());
            }
        }
        Candidate picked = WeightedLeast.pick(destinations, Candidate::connOverhead);
        if (picked == null) {
            return Optional.empty();
        }
        table.put(flow.virtualAddress(), new Entry(picked.server(), now));
        return Optional.of(picked.server());
    }
}
