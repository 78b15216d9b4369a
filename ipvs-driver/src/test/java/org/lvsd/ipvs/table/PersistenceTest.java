package org.lvsd.ipvs.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.table.Net.WEB;
import static org.lvsd.ipvs.table.Net.ip;
import static org.lvsd.ipvs.table.Net.rs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.ConnectionEntry;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TestClock;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.sched.Flow;

/** Persistence templates per ip_vs_sched_persist. */
class PersistenceTest {
    private static final RealServer A = rs("198.51.100.21", 80);
    private static final RealServer B = rs("198.51.100.22", 80);

    private final TestClock clock = new TestClock();
    private final InMemoryIpvsDriver driver = new InMemoryIpvsDriver(clock);

    private void persistentService(ServiceKey key, int timeout, int netmask) throws Exception {
        driver.addService(VirtualService.of(key, "rr").withPersistence(timeout, netmask));
        driver.addDestination(key, Destination.of(B, ForwardMethod.ROUTE, 1));
        driver.addDestination(key, Destination.of(A, ForwardMethod.ROUTE, 1));
    }

    private static Flow flow(String client, int cport, int vport) {
        return new Flow(ip(client), cport, ip("198.51.100.100"), vport);
    }

    @Test
    void clientsOfOneNetmaskShareTheirServer() throws Exception {
        persistentService(WEB, 300, 0xffffff00);
        assertEquals(Optional.of(A), driver.connect(Protocol.TCP, flow("203.0.113.9", 1000, 80), 0));
        assertEquals(Optional.of(A), driver.connect(Protocol.TCP, flow("203.0.113.77", 1001, 80), 0));
        assertEquals(Optional.of(B), driver.connect(Protocol.TCP, flow("203.0.114.1", 1002, 80), 0));
        assertEquals(Optional.of(A), driver.connect(Protocol.TCP, flow("203.0.113.200", 1003, 80), 0));
        ConnectionEntry template = driver.connections().get(0);
        assertEquals(new ConnectionEntry(Protocol.TCP, ip("203.0.113.0"), 0, ip("198.51.100.100"), 80,
                ip("198.51.100.21"), 80, "NONE", 300, true, "", ""), template);
        assertEquals(2, driver.list().get(0).destinations().stream()
                .mapToInt(d -> d.persistConns()).sum());
    }

    @Test
    void templateTimeoutRestartsOnEachNewConnectionAndThenExpires() throws Exception {
        persistentService(WEB, 60, 0xffffffff);
        assertEquals(Optional.of(A), connectAndClose(1000));
        clock.advance(Duration.ofSeconds(50));
        assertEquals(Optional.of(A), connectAndClose(1001));
        // without the restart at t=50 the template would have gone at t=60
        clock.advance(Duration.ofSeconds(55));
        driver.expire();
        assertEquals(Optional.of(A), connectAndClose(1002));
        clock.advance(Duration.ofSeconds(61));
        driver.expire();
        assertEquals(List.of(), driver.connections());
        assertEquals(Optional.of(B), driver.connect(Protocol.TCP, flow("203.0.113.9", 1003, 80), 0));
    }

    private Optional<RealServer> connectAndClose(int cport) {
        Optional<RealServer> picked = driver.connect(Protocol.TCP, flow("203.0.113.9", cport, 80), 0);
        driver.transition(Protocol.TCP, flow("203.0.113.9", cport, 80), TcpState.CLOSE);
        return picked;
    }

    @Test
    void templateOutlivesItsTimeoutWhileItControlsConnectionsAndIsAssured() throws Exception {
        persistentService(WEB, 60, 0xffffffff);
        driver.connect(Protocol.TCP, flow("203.0.113.9", 1000, 80), 0);
        assertEquals("NONE", driver.connections().get(0).state());
        driver.transition(Protocol.TCP, flow("203.0.113.9", 1000, 80), TcpState.ESTABLISHED);
        assertEquals("ASSURED", driver.connections().get(0).state());
        clock.advance(Duration.ofSeconds(61));
        driver.expire();
        assertEquals(2, driver.connections().size());
        assertEquals(59, driver.connections().get(0).expiresSeconds());
    }

    @Test
    void portZeroServiceKeepsAClientOnOneServerAcrossPorts() throws Exception {
        ServiceKey all = ServiceKey.tcp(ip("198.51.100.100"), 0);
        persistentService(all, 300, 0xffffffff);
        assertEquals(Optional.of(A), driver.connect(Protocol.TCP, flow("203.0.113.9", 1000, 80), 0));
        assertEquals(Optional.of(A), driver.connect(Protocol.TCP, flow("203.0.113.9", 1001, 443), 0));
        assertEquals(Optional.of(B), driver.connect(Protocol.TCP, flow("203.0.113.10", 1002, 443), 0));
        List<ConnectionEntry> entries = driver.connections();
        assertEquals(new ConnectionEntry(Protocol.TCP, ip("203.0.113.9"), 0, ip("198.51.100.100"), 0,
                ip("198.51.100.21"), 0, "NONE", 300, true, "", ""), entries.get(0));
        assertEquals(443, entries.get(2).destPort());
    }

    @Test
    void fwmarkServiceTemplatesUseTheMarkAsAddress() throws Exception {
        ServiceKey mark = ServiceKey.fwmark(42, AddressFamily.INET);
        persistentService(mark, 300, 0xffffffff);
        assertEquals(Optional.of(A), driver.connect(Protocol.TCP, flow("203.0.113.9", 1000, 80), 42));
        assertEquals(Optional.of(A), driver.connect(Protocol.UDP, flow("203.0.113.9", 1000, 53), 42));
        // without the mark there is no service for the address
        assertEquals(Optional.empty(), driver.connect(Protocol.TCP, flow("203.0.113.9", 2000, 80), 0));
        assertEquals(new ConnectionEntry(Protocol.IP, ip("203.0.113.9"), 0, ip("0.0.0.42"), 0,
                ip("198.51.100.21"), 0, "NONE", 300, true, "", ""), driver.connections().get(0));
    }

    @Test
    void weightZeroKeepsPersistentClientsButTakesNoNewOnes() throws Exception {
        persistentService(WEB, 300, 0xffffffff);
        driver.connect(Protocol.TCP, flow("203.0.113.9", 1000, 80), 0);
        driver.editDestination(WEB, Destination.of(A, ForwardMethod.ROUTE, 0));
        assertEquals(Optional.of(A), driver.connect(Protocol.TCP, flow("203.0.113.9", 1001, 80), 0));
        assertEquals(Optional.of(B), driver.connect(Protocol.TCP, flow("203.0.113.10", 1002, 80), 0));
    }

    @Test
    void removedServerInvalidatesItsTemplatesWhichThenRunOut() throws Exception {
        persistentService(WEB, 300, 0xffffffff);
        driver.connect(Protocol.TCP, flow("203.0.113.9", 1000, 80), 0);
        driver.deleteDestination(WEB, A);
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.of(B), driver.connect(Protocol.TCP, flow("203.0.113.9", 1001, 80), 0));
        List<ConnectionEntry> entries = driver.connections();
        assertEquals(new ConnectionEntry(Protocol.TCP, ip("203.0.113.9"), 0, ip("198.51.100.100"), 65535,
                ip("198.51.100.21"), 65535, "NONE", 290, true, "", ""), entries.get(1));
        assertEquals(new ConnectionEntry(Protocol.TCP, ip("203.0.113.9"), 0, ip("198.51.100.100"), 80,
                ip("198.51.100.22"), 80, "NONE", 300, true, "", ""), entries.get(2));
        clock.advance(Duration.ofSeconds(291));
        driver.expire();
        // both connections (SYN_RECV, 60 s) and the invalidated template are gone; B's runs to t=310
        assertEquals(List.of(new ConnectionEntry(Protocol.TCP, ip("203.0.113.9"), 0, ip("198.51.100.100"), 80,
                ip("198.51.100.22"), 80, "NONE", 9, true, "", "")), driver.connections());
    }

    @Test
    void ipv6ClientsAreMaskedByPrefixLength() throws Exception {
        ServiceKey v6 = ServiceKey.tcp(ip("2001:db8::100"), 80);
        driver.addService(VirtualService.of(v6, "rr").withPersistence(300, 64));
        RealServer a6 = rs("2001:db8::21", 80);
        RealServer b6 = rs("2001:db8::22", 80);
        driver.addDestination(v6, Destination.of(b6, ForwardMethod.ROUTE, 1));
        driver.addDestination(v6, Destination.of(a6, ForwardMethod.ROUTE, 1));
        Flow one = new Flow(ip("2001:db8:1:2::9"), 1000, ip("2001:db8::100"), 80);
        Flow sameNet = new Flow(ip("2001:db8:1:2:ffff::1"), 1001, ip("2001:db8::100"), 80);
        Flow otherNet = new Flow(ip("2001:db8:1:3::9"), 1002, ip("2001:db8::100"), 80);
        assertEquals(Optional.of(a6), driver.connect(Protocol.TCP, one, 0));
        assertEquals(Optional.of(a6), driver.connect(Protocol.TCP, sameNet, 0));
        assertEquals(Optional.of(b6), driver.connect(Protocol.TCP, otherNet, 0));
        assertEquals(ip("2001:db8:1:2::"), driver.connections().get(0).clientAddress());
    }

    @Test
    void udpReplyAssuresTheTemplateAndPacketsRestartTheConnectionTimer() throws Exception {
        ServiceKey dns = ServiceKey.udp(ip("198.51.100.100"), 53);
        persistentService(dns, 600, 0xffffffff);
        Flow q = flow("203.0.113.9", 5353, 53);
        driver.connect(Protocol.UDP, q, 0);
        clock.advance(Duration.ofSeconds(100));
        driver.countPacket(Protocol.UDP, q, false, 120);
        List<ConnectionEntry> entries = driver.connections();
        assertEquals("ASSURED", entries.get(0).state());
        assertEquals(300, entries.get(1).expiresSeconds());
    }
}
