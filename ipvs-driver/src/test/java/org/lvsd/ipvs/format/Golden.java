package org.lvsd.ipvs.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.VirtualService;

/**
 * Golden texts (test resources) were rendered with ipvsadm 1.31's printf format strings from
 * print_title, print_service_entry, print_largenum, list_conn and print_conn applied to the same
 * values the tests build here.
 */
final class Golden {
    private Golden() {
    }

    static String text(String name) {
        try (InputStream in = Golden.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InetAddress ip(String text) {
        return AddressText.parse(text).orElseThrow();
    }

    static DestinationEntry dest(Destination d, int active, int inact) {
        return new DestinationEntry(d, active, inact, 0, Stats.ZERO);
    }

    static Destination route(String addr, int port, int weight) {
        return Destination.of(new RealServer(ip(addr), port), ForwardMethod.ROUTE, weight);
    }

    static ServiceEntry service(VirtualService svc, DestinationEntry... dests) {
        return new ServiceEntry(svc, Stats.ZERO, List.of(dests));
    }

    /** Six services in an unsorted order, covering flags, persistence, IPv6, fwmark and sort quirks. */
    static List<ServiceEntry> table() {
        ServiceKey web = ServiceKey.tcp(ip("198.51.100.100"), 80);
        ServiceKey other = ServiceKey.tcp(ip("10.0.0.1"), 80);
        ServiceKey dns = ServiceKey.udp(ip("198.51.100.100"), 53);
        ServiceKey sip = ServiceKey.udp(ip("198.51.100.100"), 5060);
        ServiceKey tls6 = ServiceKey.tcp(ip("2001:db8::1"), 443);
        ServiceKey mark = ServiceKey.fwmark(42, AddressFamily.INET);
        return List.of(
                service(VirtualService.of(mark, "sh").withFlags(ServiceFlag.SCHED1, ServiceFlag.SCHED2),
                        dest(Destination.of(new RealServer(ip("198.51.100.23"), 0), ForwardMethod.TUNNEL, 2), 0, 0)),
                service(VirtualService.of(tls6, "mh").withFlags(ServiceFlag.SCHED2).withPersistence(600, 64),
                        dest(route("2001:db8::21", 443, 1), 0, 0)),
                service(new VirtualService(sip, "sed", Set.of(ServiceFlag.PERSISTENT, ServiceFlag.ONE_PACKET), 60,
                        0xffffffff, "sip")),
                service(VirtualService.of(dns, "rr").withPersistence(300, 0xffffff00),
                        dest(Destination.of(new RealServer(ip("198.51.100.21"), 53), ForwardMethod.MASQ, 1), 0, 7)),
                service(VirtualService.of(other, "rr")),
                service(VirtualService.of(web, "wrr"), dest(route("198.51.100.22", 80, 1), 0, 0),
                        dest(route("198.51.100.21", 80, 3), 12, 40)));
    }
}
