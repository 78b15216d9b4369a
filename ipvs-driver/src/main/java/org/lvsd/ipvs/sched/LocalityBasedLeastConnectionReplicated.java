package org.lvsd.ipvs.sched;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lvsd.ipvs.RealServer;

/**
 * lblcr (ip_vs_lblcr.c): remembers a set of destinations per virtual address. A flow goes to the
 * set's weighted-least-connection member; when that is missing or overloaded, a destination is
 * picked over the whole service (as wlc) and added to the set. When the set has more than one
 * member and was not modified for the expiration time (24 h), its most loaded member is removed.
 * Entries unused for the expiration time are forgotten at their next lookup.
 */
final class LocalityBasedLeastConnectionReplicated implements Scheduler {
    private static final class DestSet {
        final List<RealServer> members = new ArrayList<>();
        long lastMod;
        long lastUse;
    }

    private final Clock clock;
    private final Map<InetAddress, DestSet> table = new HashMap<>();

    LocalityBasedLeastConnectionReplicated(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "lblcr";
    }

    @Override
    public void update(List<Candidate> destinations) {
        for (DestSet set : table.values()) {
            set.members.removeIf(s -> Locality.find(destinations, s) == null);
        }
    }

    @Override
    public Optional<RealServer> schedule(List<Candidate> destinations, Flow flow) {
        long now = clock.millis();
        DestSet en = table.get(flow.virtualAddress());
        if (en != null && now - en.lastUse > Locality.EXPIRATION_MILLIS) {
            table.remove(flow.virtualAddress());
            en = null;
        }
        if (en != null) {
            en.lastUse = now;
            Candidate dest = setMin(en, destinations);
            if (en.members.size() > 1 && now - en.lastMod > Locality.EXPIRATION_MILLIS) {
                Candidate most = setMax(en, destinations);
                if (most != null) {
                    en.members.remove(most.server());
                }
            }
            if (dest != null && !Locality.isOverloaded(dest, destinations)) {
                return Optional.of(dest.server());
            }
            Candidate picked = WeightedLeast.pick(destinations, Candidate::connOverhead);
            if (picked == null) {
                return Optional.empty();
            }
            if (!en.members.contains(picked.server())) {
                en.members.add(0, picked.server());
                en.lastMod = now;
            }
            return Optional.of(picked.server());
        }
        Candidate picked = WeightedLeast.pick(destinations, Candidate::connOverhead);
        if (picked == null) {
            return Optional.empty();
        }
        DestSet set = new DestSet();
        set.members.add(picked.server());
        set.lastMod = now;
        set.lastUse = now;
        table.put(flow.virtualAddress(), set);
        return Optional.of(picked.server());
    }

    private static List<Candidate> members(DestSet set, List<Candidate> all) {
        List<Candidate> out = new ArrayList<>();
        for (RealServer s : set.members) {
            Candidate c = Locality.find(all, s);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** ip_vs_dest_set_min: weighted least connections within the set. */
    private static Candidate setMin(DestSet set, List<Candidate> all) {
        return WeightedLeast.pick(members(set, all), Candidate::connOverhead);
    }

    /** ip_vs_dest_set_max: weighted most connections within the set, weight-0 members ignored. */
    private static Candidate setMax(DestSet set, List<Candidate> all) {
        Candidate most = null;
        long moh = 0;
        for (Candidate c : members(set, all)) {
            if (c.weight() <= 0) {
                continue;
            }
            long doh = c.connOverhead();
            if (most == null || moh * c.weight() < doh * most.weight()) {
                most = c;
                moh = doh;
            }
        }
        return most;
    }
}
