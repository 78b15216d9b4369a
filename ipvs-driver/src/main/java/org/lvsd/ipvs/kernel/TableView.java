package org.lvsd.ipvs.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.VirtualService;

/**
 * What the driver believes the kernel's table holds: service and destination settings, without
 * counters, in insertion order. Kept up to date with acknowledged changes and replaced by a fresh
 * read of the kernel after any failure. Not thread-safe; the driver guards it.
 */
public final class TableView {
    private final Map<ServiceKey, VirtualService> services = new LinkedHashMap<>();
    private final Map<ServiceKey, Map<RealServer, Destination>> destinations = new LinkedHashMap<>();

    /** Records a change the kernel acknowledged. */
    void record(TableChange change) {
        change.accept(new TableChange.Visitor<Void>() {
            @Override
            public Void addService(VirtualService service) {
                putService(service);
                return null;
            }

            @Override
            public Void editService(VirtualService service) {
                putService(service);
                return null;
            }

            @Override
            public Void deleteService(ServiceKey key) {
                removeService(key);
                return null;
            }

            @Override
            public Void addDestination(ServiceKey key, Destination destination) {
                putDestination(key, destination);
                return null;
            }

            @Override
            public Void editDestination(ServiceKey key, Destination destination) {
                putDestination(key, destination);
                return null;
            }

            @Override
            public Void deleteDestination(ServiceKey key, RealServer server) {
                removeDestination(key, server);
                return null;
            }

            @Override
            public Void flush() {
                clear();
                return null;
            }
        });
    }

    private void putService(VirtualService s) {
        services.put(s.key(), s);
        destinations.computeIfAbsent(s.key(), k -> new LinkedHashMap<>());
    }

    private void removeService(ServiceKey key) {
        services.remove(key);
        destinations.remove(key);
    }

    private void putDestination(ServiceKey key, Destination d) {
        destinations.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(d.server(), d);
    }

    private void removeDestination(ServiceKey key, RealServer server) {
        Map<RealServer, Destination> m = destinations.get(key);
        if (m != null) {
            m.remove(server);
        }
    }

    void clear() {
        services.clear();
        destinations.clear();
    }

    /** Replaces everything with a table read from the kernel. */
    void reset(List<ServiceEntry> table) {
        clear();
        for (ServiceEntry e : table) {
            putService(e.service());
            for (DestinationEntry d : e.destinations()) {
                putDestination(e.service().key(), d.destination());
            }
        }
    }

    /** The view as listing entries with zero counters, services and destinations in insertion order. */
    public List<ServiceEntry> snapshot() {
        List<ServiceEntry> out = new ArrayList<>(services.size());
        for (VirtualService s : services.values()) {
            List<DestinationEntry> ds = new ArrayList<>();
            for (Destination d : destinations.getOrDefault(s.key(), Map.of()).values()) {
                ds.add(new DestinationEntry(d, 0, 0, 0, Stats.ZERO));
            }
            out.add(new ServiceEntry(s, Stats.ZERO, ds));
        }
        return out;
    }
}
