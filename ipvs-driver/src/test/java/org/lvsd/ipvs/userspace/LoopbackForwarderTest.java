package org.lvsd.ipvs.userspace;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.userspace.Loopback.exchange;
import static org.lvsd.ipvs.userspace.Loopback.ip;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.VirtualService;

/** The TCP forwarder on loopback addresses (127.0.0.0/8): no root, no namespaces. */
class LoopbackForwarderTest {
    private static final String VIP = "127.0.0.100";

    private final List<AutoCloseable> resources = new ArrayList<>();
    private UserspaceIpvsDriver driver;
    private ServiceKey service;

    /** Answers "NAME:" + everything the client sent before its FIN, then closes. */
    private LoopbackServer named(String address, String name) throws IOException {
        LoopbackServer s = new LoopbackServer(address, sock -> {
            String request = Loopback.readAll(sock.getInputStream());
            sock.getOutputStream().write((name + ":" + request).getBytes(StandardCharsets.US_ASCII));
        });
        resources.add(s);
        return s;
    }

    private UserspaceIpvsDriver start(ForwarderOptions options) throws Exception {
        driver = new UserspaceIpvsDriver(Clock.systemUTC(), options);
        service = ServiceKey.tcp(ip(VIP), Loopback.freePort(VIP));
        driver.addService(VirtualService.of(service, "rr"));
        return driver;
    }

    private RealServer masq(String address, LoopbackServer server, int weight) throws IpvsException {
        RealServer rs = new RealServer(ip(address), server.port());
        driver.addDestination(service, Destination.of(rs, ForwardMethod.MASQ, weight));
        return rs;
    }

    private String ask(String request) throws IOException {
        return exchange(VIP, service.port(), request);
    }

    private DestinationEntry entry(RealServer rs) throws IpvsException {
        ServiceEntry s = driver.list().get(0);
        return s.destinations().stream().filter(d -> d.destination().server().equals(rs)).findFirst().orElseThrow();
    }

    @BeforeEach
    void quietLogs() {
        resources.clear();
    }

    @AfterEach
    void stop() throws Exception {
        Loopback.close(driver, resources);
    }

    @Test
    void roundRobinWithHalfCloseAndExactByteCounts() throws Exception {
        start(ForwarderOptions.DEFAULT);
        RealServer rs1 = masq("127.0.0.21", named("127.0.0.21", "rs1"), 1);
        RealServer rs2 = masq("127.0.0.22", named("127.0.0.22", "rs2"), 1);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(ask("hello"));
        }
        assertTrue(answers.get(0).equals("rs1:hello") || answers.get(0).equals("rs2:hello"), answers.toString());
        assertNotEquals(answers.get(0), answers.get(1));
        assertEquals(answers.get(0), answers.get(2));
        assertEquals(answers.get(1), answers.get(3));
        for (RealServer rs : List.of(rs1, rs2)) {
            Stats st = entry(rs).stats();
            assertEquals(2, st.conns());
            assertEquals(10, st.inBytes());
            assertEquals(18, st.outBytes());
        }
        Stats total = driver.list().get(0).stats();
        assertEquals(4, total.conns());
        assertEquals(20, total.inBytes());
        assertEquals(36, total.outBytes());
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.counters().openConnections() == 0);
        assertEquals(4, driver.connections().stream().filter(c -> c.state().equals("CLOSE")).count());
    }

    @Test
    void weightZeroTakesNoNewConnectionsAndDeletedServiceStopsListening() throws Exception {
        start(ForwarderOptions.DEFAULT);
        masq("127.0.0.21", named("127.0.0.21", "rs1"), 1);
        RealServer rs2 = masq("127.0.0.22", named("127.0.0.22", "rs2"), 0);
        for (int i = 0; i < 3; i++) {
            assertEquals("rs1:x", ask("x"));
        }
        assertEquals(0, entry(rs2).stats().conns());
        driver.deleteService(service);
        assertThrows(IOException.class, () -> ask("x"));
    }

    @Test
    void deadDestinationFailsFastAndIsCounted() throws Exception {
        start(ForwarderOptions.DEFAULT);
        int closedPort = Loopback.freePort("127.0.0.23");
        RealServer dead = new RealServer(ip("127.0.0.23"), closedPort);
        driver.addDestination(service, Destination.of(dead, ForwardMethod.MASQ, 1));
        long t0 = System.nanoTime();
        // a reset (IOException, possibly before connect() has returned: the forwarder accepts and
        // resets at once) or an immediate end of stream: never data, never a hang
        try (Socket s = Loopback.connect(VIP, service.port())) {
            assertEquals(-1, s.getInputStream().read());
        } catch (IOException reset) {
            assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
        }
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "took too long");
        await().atMost(Duration.ofSeconds(2)).until(
                () -> driver.counters().connectFailures(new DestinationKey(service, dead)) == 1);
    }

    @Test
    void removedDestinationDrainsItsConnection() throws Exception {
        start(ForwarderOptions.DEFAULT);
        RealServer rs1 = masq("127.0.0.21", named("127.0.0.21", "rs1"), 1);
        try (Socket s = Loopback.connect(VIP, service.port())) {
            s.getOutputStream().write("long".getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(5)).until(() -> entry(rs1).stats().inBytes() == 4);
            driver.deleteDestination(service, rs1);
            masq("127.0.0.22", named("127.0.0.22", "rs2"), 1);
            assertEquals("rs2:new", ask("new"));
            s.getOutputStream().write("-lived".getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();
            assertEquals("rs1:long-lived", Loopback.readAll(s.getInputStream()));
        }
    }

    @Test
    void connectionLimitResetsTheConnectionBeyondIt() throws Exception {
        start(ForwarderOptions.DEFAULT.withMaxConnections(2));
        masq("127.0.0.21", named("127.0.0.21", "rs1"), 1);
        try (Socket a = Loopback.connect(VIP, service.port()); Socket b = Loopback.connect(VIP, service.port())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> driver.counters().openConnections() == 2);
            // reset at once: possibly before connect() has returned
            try (Socket c = Loopback.connect(VIP, service.port())) {
                assertEquals(-1, c.getInputStream().read());
            } catch (IOException reset) {
                assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
            }
            assertEquals(1, driver.counters().refusedOverLimit());
            a.shutdownOutput();
            assertEquals("rs1:", Loopback.readAll(a.getInputStream()));
            b.shutdownOutput();
            assertEquals("rs1:", Loopback.readAll(b.getInputStream()));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.counters().openConnections() == 0);
        assertEquals("rs1:again", ask("again"));
    }

    @Test
    void idleConnectionsCloseAfterTheTcpTimeout() throws Exception {
        start(ForwarderOptions.DEFAULT);
        driver.setTimeouts(new Timeouts(1, 0, 0));
        masq("127.0.0.21", named("127.0.0.21", "rs1"), 1);
        try (Socket s = Loopback.connect(VIP, service.port())) {
            long t0 = System.nanoTime();
            assertEquals(-1, s.getInputStream().read());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 800 && ms < 4000, "closed after " + ms + " ms");
        }
    }

    @Test
    void halfClosedConnectionsCloseAfterTheTcpFinTimeout() throws Exception {
        start(ForwarderOptions.DEFAULT);
        driver.setTimeouts(new Timeouts(0, 1, 0));
        LoopbackServer silent = new LoopbackServer("127.0.0.21", sock -> {
            Loopback.readAll(sock.getInputStream());
            try {
                Thread.sleep(8000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        resources.add(silent);
        masq("127.0.0.21", silent, 1);
        try (Socket s = Loopback.connect(VIP, service.port())) {
            s.shutdownOutput();
            long t0 = System.nanoTime();
            assertEquals(-1, s.getInputStream().read());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 800 && ms < 4000, "closed after " + ms + " ms");
        }
    }

    @Test
    void unsupportedServicesAndMethodsAreRefused() throws Exception {
        start(ForwarderOptions.DEFAULT);
        IpvsException fw = assertThrows(IpvsException.class, () -> driver.addService(
                VirtualService.of(ServiceKey.fwmark(7, org.lvsd.ipvs.AddressFamily.INET), "rr")));
        assertEquals(Errno.EOPNOTSUPP, fw.reason());
        IpvsException tun = assertThrows(IpvsException.class, () -> driver.addDestination(service,
                Destination.of(new RealServer(ip("127.0.0.21"), 80), ForwardMethod.TUNNEL, 1)));
        assertEquals(Errno.EOPNOTSUPP, tun.reason());
        IpvsException gue = assertThrows(IpvsException.class, () -> driver.addDestination(service,
                Destination.of(new RealServer(ip("127.0.0.21"), 80), ForwardMethod.TUNNEL, 1)
                        .withTunnel(org.lvsd.ipvs.TunnelType.GUE, 6080, org.lvsd.ipvs.TunnelChecksum.NOCSUM)));
        assertEquals(Errno.EOPNOTSUPP, gue.reason());
        assertTrue(gue.getMessage().contains("ipip only, not gue"), gue.getMessage());
        IpvsException allPorts = assertThrows(IpvsException.class,
                () -> driver.addService(VirtualService.of(ServiceKey.tcp(ip(VIP), 0), "rr")));
        assertEquals(Errno.EOPNOTSUPP, allPorts.reason());
        IpvsException noInterface = assertThrows(IpvsException.class, () -> driver.addDestination(service,
                Destination.of(new RealServer(ip("127.0.0.21"), 80), ForwardMethod.ROUTE, 1)));
        assertEquals(Errno.EOPNOTSUPP, noInterface.reason());
        IpvsException twice = assertThrows(IpvsException.class,
                () -> driver.addService(VirtualService.of(service, "rr")));
        assertEquals(Errno.EEXIST, twice.reason());
    }

    @Test
    void oneServiceCannotMixMasqueradingAndGatewaying() throws Exception {
        start(ForwarderOptions.DEFAULT.withRouteInterface("lo"));
        masq("127.0.0.21", named("127.0.0.21", "rs1"), 1);
        IpvsException mixed = assertThrows(IpvsException.class, () -> driver.addDestination(service,
                Destination.of(new RealServer(ip("127.0.0.22"), service.port()), ForwardMethod.ROUTE, 1)));
        assertEquals(Errno.EOPNOTSUPP, mixed.reason());
        assertEquals(1, driver.list().get(0).destinations().size());
        assertTrue(driver.directRouting().isEmpty());
    }

    @Test
    void thePacketPathForwardsWithinTheServicesFamily() throws Exception {
        start(ForwarderOptions.DEFAULT.withRouteInterface("lo"));
        IpvsException other = assertThrows(IpvsException.class, () -> driver.addDestination(service,
                Destination.of(new RealServer(ip("::1"), service.port()), ForwardMethod.ROUTE, 1)));
        assertEquals(Errno.EOPNOTSUPP, other.reason());
        assertTrue(other.getMessage().endsWith("the packet path forwards within one address family"), other.getMessage());
        assertTrue(driver.list().get(0).destinations().isEmpty());
        assertTrue(driver.directRouting().isEmpty());
    }
}
