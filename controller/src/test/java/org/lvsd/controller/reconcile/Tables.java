package org.lvsd.controller.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.VirtualService;

/** Small builders for table tests. */
final class Tables {

    static final ServiceKey WEB = ServiceKey.tcp(ip("198.51.100.100"), 80);
    static final ServiceKey DNS = ServiceKey.udp(ip("198.51.100.100"), 53);

    private Tables() {
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static RealServer rs(String address, int port) {
        return new RealServer(ip(address), port);
    }

    static Destination route(String address, int port, int weight) {
        return Destination.of(rs(address, port), ForwardMethod.ROUTE, weight);
    }

    static DesiredService desired(VirtualService service, Destination... destinations) {
        return new DesiredService(service, List.of(destinations));
    }

    /** The one element of {@code list}, failing the test when there are more or none. */
    static <T> T single(List<T> list) {
        assertEquals(1, list.size(), list::toString);
        return list.get(0);
    }

    static ServiceEntry listed(VirtualService service, Destination... destinations) {
        return new ServiceEntry(service, Stats.ZERO, List.of(destinations).stream()
                .map(d -> new DestinationEntry(d, 0, 0, 0, Stats.ZERO)).toList());
    }
}
