package org.lvsd.ipvs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.kernel.KernelServicesIT.ip;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;

/** Destinations against the real kernel: every forwarding method and tunnel type, thresholds, IPv6, edits. */
class KernelDestinationsIT extends WithKernelLab {

    static List<Destination> destinations(ServiceKey key) throws Exception {
        List<Destination> out = new ArrayList<>();
        for (DestinationEntry d : lab.driver.get(key).destinations()) {
            out.add(d.destination());
        }
        return out;
    }

    @Test
    void everyForwardingMethodAndTunnelTypeReadsBackAsWritten() throws Exception {
        ServiceKey key = ServiceKey.tcp(ip("198.51.100.100"), 80);
        lab.driver.addService(VirtualService.of(key, "wrr"));
        List<Destination> added = List.of(
                Destination.of(new RealServer(ip("198.51.100.21"), 80), ForwardMethod.MASQ, 1),
                Destination.of(new RealServer(ip("198.51.100.22"), 80), ForwardMethod.ROUTE, 2),
                Destination.of(new RealServer(ip("198.51.100.23"), 80), ForwardMethod.TUNNEL, 3),
                Destination.of(new RealServer(ip("198.51.100.24"), 80), ForwardMethod.ROUTE, 4)
                        .withTunnel(TunnelType.GUE, 6080, TunnelChecksum.CSUM),
                Destination.of(new RealServer(ip("198.51.100.25"), 80), ForwardMethod.ROUTE, 5)
                        .withTunnel(TunnelType.GRE, 0, TunnelChecksum.REMCSUM),
                Destination.of(new RealServer(ip("198.51.100.26"), 8080), ForwardMethod.MASQ, 0)
                        .withThresholds(1000, 750));
        for (Destination d : added) {
            lab.driver.addDestination(key, d);
        }
        assertEquals(Set.copyOf(added), Set.copyOf(destinations(key)));
        assertEquals(Set.copyOf(added), Set.copyOf(lab.driver.view().get(0).destinations().stream()
                .map(DestinationEntry::destination).toList()));
    }

    @Test
    void ipv6ServiceTakesIpv6AndTunnelledIpv4Destinations() throws Exception {
        ServiceKey key = ServiceKey.tcp(ip("2001:db8::100"), 80);
        lab.driver.addService(VirtualService.of(key, "rr"));
        List<Destination> added = List.of(
                Destination.of(new RealServer(ip("2001:db8::21"), 80), ForwardMethod.ROUTE, 1),
                Destination.of(new RealServer(ip("198.51.100.21"), 80), ForwardMethod.TUNNEL, 1));
        for (Destination d : added) {
            lab.driver.addDestination(key, d);
        }
        assertEquals(Set.copyOf(added), Set.copyOf(destinations(key)));
    }

    @Test
    void editAndDeleteDestination() throws Exception {
        ServiceKey key = ServiceKey.fwmark(42, org.lvsd.ipvs.AddressFamily.INET);
        lab.driver.addService(VirtualService.of(key, "wlc"));
        Destination d = Destination.of(new RealServer(ip("198.51.100.31"), 0), ForwardMethod.ROUTE, 1);
        lab.driver.addDestination(key, d);
        Destination edited = d.withWeight(0).withThresholds(50, 10);
        lab.driver.editDestination(key, edited);
        assertEquals(List.of(edited), destinations(key));
        lab.driver.deleteDestination(key, d.server());
        assertEquals(List.of(), destinations(key));
    }
}
