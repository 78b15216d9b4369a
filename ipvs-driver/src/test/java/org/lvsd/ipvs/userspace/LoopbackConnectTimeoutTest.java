package org.lvsd.ipvs.userspace;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.userspace.Loopback.ip;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;

/**
 * A real server that never answers SYNs: a listening socket with a backlog of 1 that never
 * accepts, its accept queue filled by two connections, so the kernel drops every further SYN and
 * the forwarder's connect hangs until the connect timeout. The clients must be reset, each failure
 * counted against that destination, and no session or descriptor left behind. The time to each
 * reset is printed (timings are not asserted in tests).
 */
class LoopbackConnectTimeoutTest {
    private static final String VIP = "127.0.0.100";
    private static final String DEAD = "127.0.0.24";
    private static final int TIMEOUT_MILLIS = 200;
    private static final int MANY = 200;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private UserspaceIpvsDriver driver;
    private ServiceKey service;
    private DestinationKey dead;

    @AfterEach
    void stop() throws Exception {
        Loopback.close(driver, resources);
    }

    /** The forwarder with the connect timeout, and a service whose one destination drops SYNs. */
    private void start() throws Exception {
        ServerSocket full = new ServerSocket(0, 1, ip(DEAD));
        resources.add(full);
        for (int i = 0; i < 2; i++) {
            resources.add(Loopback.connect(DEAD, full.getLocalPort()));
        }
        driver = new UserspaceIpvsDriver(Clock.systemUTC(),
                ForwarderOptions.DEFAULT.withConnectTimeoutMillis(TIMEOUT_MILLIS));
        service = ServiceKey.tcp(ip(VIP), Loopback.freePort(VIP));
        driver.addService(VirtualService.of(service, "rr"));
        RealServer rs = new RealServer(ip(DEAD), full.getLocalPort());
        driver.addDestination(service, Destination.of(rs, ForwardMethod.MASQ, 1));
        dead = new DestinationKey(service, rs);
    }

    /** Blocks until the forwarder resets {@code s}; read before that would be data or a FIN. */
    private static void expectReset(Socket s) throws IOException {
        s.setSoTimeout(10_000);
        IOException e = assertThrows(IOException.class, () -> s.getInputStream().read());
        assertTrue(e.getMessage().contains("reset"), e.getMessage());
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void aConnectToAServerDroppingSynsIsResetAtTheTimeoutAndCounted() throws Exception {
        start();
        try (Socket s = Loopback.connect(VIP, service.port())) {
            long t0 = System.nanoTime();
            expectReset(s);
            System.out.printf("connect timeout %d ms: client reset after %.1f ms%n", TIMEOUT_MILLIS,
                    (System.nanoTime() - t0) / 1e6);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.counters().connectFailures(dead) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.counters().openConnections() == 0);
    }

    @Test
    void manyConnectsToAServerDroppingSynsAllFailAndLeaveNothingBehind() throws Exception {
        start();
        try (Socket first = Loopback.connect(VIP, service.port())) {
            expectReset(first);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.counters().openConnections() == 0);
        long baseline = openDescriptors();

        List<Socket> clients = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < MANY; i++) {
                clients.add(Loopback.connect(VIP, service.port()));
            }
            long connected = System.nanoTime();
            for (Socket s : clients) {
                expectReset(s);
            }
            System.out.printf("%d connects with a %d ms timeout: opened in %.1f ms, all reset %.1f ms after the last%n",
                    MANY, TIMEOUT_MILLIS, (connected - t0) / 1e6, (System.nanoTime() - connected) / 1e6);
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.counters().connectFailures(dead) == MANY + 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.counters().openConnections() == 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> openDescriptors() == baseline);
        assertEquals(MANY + 1, driver.list().get(0).stats().conns());
    }
}
