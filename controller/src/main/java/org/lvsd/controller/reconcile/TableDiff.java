package org.lvsd.controller.reconcile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.VirtualService;

/**
 * The ordered changes that turn a listed table into the desired one, as one batch for
 * {@link org.lvsd.ipvs.IpvsDriver#apply}: its order is the one the kernel needs, since each change
 * of a batch is handled on its own (a service exists before its destinations are added; a
 * service's destinations go before the service).
 *
 * <p>Order: desired services in their order, each added ({@code -A}) before its destinations or
 * edited ({@code -E}) when its scheduler, scheduler flags, persistence (timeout, netmask, engine)
 * or one-packet flag differ; within a service, unwanted destinations are deleted ({@code -d})
 * first, then each desired one is added ({@code -a}) or edited ({@code -e}, when its method,
 * weight, thresholds or tunnel options differ), in desired order. Last, listed services that are
 * not desired but {@code deletable} lose their destinations and then themselves ({@code -D}).
 * Listed services that are neither desired nor deletable belong to someone else and are never
 * touched. The kernel's own HASHED flag and the timeout and netmask of a non-persistent service
 * are not compared.
 */
public final class TableDiff {

    private TableDiff() {
    }

    /** The changes for the desired services only; no listed service is deleted. */
    public static List<TableChange> between(DesiredTable desired, List<ServiceEntry> actual) {
        return between(desired, actual, Set.of());
    }

    /** The changes, deleting listed services in {@code deletable} that are not desired. */
    public static List<TableChange> between(DesiredTable desired, List<ServiceEntry> actual,
            Set<ServiceKey> deletable) {
        Map<ServiceKey, ServiceEntry> listed = new LinkedHashMap<>();
        actual.forEach(e -> listed.put(e.service().key(), e));
        List<TableChange> out = new ArrayList<>();
        for (DesiredService want : desired.services()) {
            ServiceKey key = want.service().key();
            ServiceEntry have = listed.get(key);
            if (have == null) {
                out.add(new TableChange.AddService(want.service()));
                want.destinations().forEach(d -> out.add(new TableChange.AddDestination(key, d)));
                continue;
            }
            if (!sameService(want.service(), have.service())) {
                out.add(new TableChange.EditService(want.service()));
            }
            destinations(key, want.destinations(), have.destinations(), out);
        }
        Set<ServiceKey> wanted = desired.keys();
        for (ServiceEntry have : actual) {
            ServiceKey key = have.service().key();
            if (!wanted.contains(key) && deletable.contains(key)) {
                have.destinations().forEach(d -> out.add(new TableChange.DeleteDestination(key,
                        d.destination().server())));
                out.add(new TableChange.DeleteService(key));
            }
        }
        return out;
    }

    private static void destinations(ServiceKey key, List<Destination> want, List<DestinationEntry> have,
            List<TableChange> out) {
        Map<RealServer, Destination> listed = new LinkedHashMap<>();
        have.forEach(d -> listed.put(d.destination().server(), d.destination()));
        Set<RealServer> wanted = new HashSet<>();
        want.forEach(d -> wanted.add(d.server()));
        for (RealServer server : listed.keySet()) {
            if (!wanted.contains(server)) {
                out.add(new TableChange.DeleteDestination(key, server));
            }
        }
        for (Destination d : want) {
            Destination current = listed.get(d.server());
            if (current == null) {
                out.add(new TableChange.AddDestination(key, d));
            } else if (!sameDestination(d, current)) {
                out.add(new TableChange.EditDestination(key, d));
            }
        }
    }

    static boolean sameService(VirtualService want, VirtualService have) {
        if (!want.scheduler().equals(have.scheduler()) || !flags(want).equals(flags(have))
                || !want.persistenceEngine().equals(have.persistenceEngine())) {
            return false;
        }
        return !want.persistent() || want.timeout() == have.timeout() && want.netmask() == have.netmask();
    }

    private static Set<ServiceFlag> flags(VirtualService s) {
        Set<ServiceFlag> f = EnumSet.noneOf(ServiceFlag.class);
        f.addAll(s.flags());
        f.remove(ServiceFlag.HASHED);
        return f;
    }

    static boolean sameDestination(Destination want, Destination have) {
        boolean same = want.forward() == have.forward() && want.weight() == have.weight()
                && want.upperThreshold() == have.upperThreshold() && want.lowerThreshold() == have.lowerThreshold();
        if (!same || want.forward() != ForwardMethod.TUNNEL) {
            return same;
        }
        return want.tunnelType() == have.tunnelType() && want.tunnelPort() == have.tunnelPort()
                && want.tunnelChecksum() == have.tunnelChecksum();
    }
}
