package org.lvsd.healthcheck.check;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lvsd.healthcheck.check.Fixtures.TIMEOUT;

import io.netty.channel.EventLoop;
import io.netty.channel.epoll.Epoll;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.spec.HttpCheckSpec.HttpProtocol;
import org.lvsd.healthcheck.spec.UrlSpec;

/**
 * The bare probes' socket pool on a transport of its own (one loop, sockets idle for at most
 * 300 ms): one socket serves successive probes whatever their outcome, every server connection
 * still ends with a reset, a socket given back within a batch of events is not handed out before
 * the batch ends, and idle sockets, or all of them at shutdown, are closed: the process's
 * descriptors come back to what they were before the transport.
 */
class ProbeSocketPoolTest {

    private static final Duration IDLE = Duration.ofMillis(300);
    private static final String OK = "HTTP/1.0 200 OK\r\n\r\n";

    private int outside;
    private CheckTransport transport;
    private LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Epoll.isAvailable(), "the socket pool is on the epoll transport only");
        outside = FileDescriptors.open();
        transport = CheckTransport.create(1, new CheckLimits(64, 1 << 20), IDLE);
        // the loop's own descriptors (epoll, eventfd, timerfd) open with its first task
        loop().submit(() -> { }).get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (transport != null) {
            transport.close();
        }
    }

    private EventLoop loop() {
        return transport.group().next();
    }

    /** A server that records every request head (in {@link #server}) and answers 200. */
    private LoopbackServer okServer() throws Exception {
        return LoopbackServer.start(s -> {
            server.readHead(s);
            LoopbackServer.write(s, OK);
        });
    }

    private CheckResult tcpCheck(InetSocketAddress target) throws Exception {
        return BareProbe.run(transport, target, TIMEOUT, BareProbe.CONNECT_ONLY)
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private CheckResult httpGet(InetSocketAddress target) throws Exception {
        byte[] request = HttpRequests.get("/", HttpProtocol.HTTP_1_0, "198.51.100.7")
                .getBytes(StandardCharsets.US_ASCII);
        return BareProbe.run(transport, target, TIMEOUT,
                        session -> new HttpStatusExchange(session, request, UrlSpec.of("/"), 1 << 20))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void successiveProbesOfEveryOutcomeShareOneSocket() throws Exception {
        server = okServer();
        InetSocketAddress closed = Fixtures.closedPort();
        int withServer = FileDescriptors.open();
        for (int i = 0; i < 20; i++) {
            assertEquals("connected", tcpCheck(server.address()).reason());
            assertEquals("HTTP status 200", httpGet(server.address()).reason());
            assertEquals("connection refused", tcpCheck(closed).reason());
        }
        await().atMost(Duration.ofSeconds(1)).until(() -> transport.pooledSockets() == 1);
        // the server's connections close as their threads end
        await().atMost(Duration.ofSeconds(5)).until(() -> FileDescriptors.open() == withServer + 1);
        assertEquals(20, server.requests.size());
    }

    @Test
    void eachConnectionOfAReusedSocketEndsWithAReset() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        server = LoopbackServer.start(s -> {
            server.readHead(s);
            LoopbackServer.write(s, OK);
            try {
                seen.add(s.getInputStream().read() < 0 ? "FIN" : "data");
            } catch (SocketException e) {
                seen.add(e.getMessage());
            }
        });
        for (int i = 0; i < 3; i++) {
            assertTrue(httpGet(server.address()).ok());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 3);
        assertEquals(List.of("Connection reset", "Connection reset", "Connection reset"), seen);
        assertEquals(1, transport.pooledSockets());
    }

    @Test
    void aSocketWhoseConnectTimedOutServesTheNextProbe() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        List<SocketChannel> fillers = new ArrayList<>();
        // a listener that never accepts, its accept queue full: further SYNs are dropped
        try (ServerSocket full = new ServerSocket(0, 1, lo)) {
            for (int i = 0; i < 3; i++) {
                SocketChannel c = SocketChannel.open();
                c.configureBlocking(false);
                c.connect(new InetSocketAddress(lo, full.getLocalPort()));
                fillers.add(c);
            }
            Thread.sleep(100);
            assertEquals("connect timeout 1 s",
                    tcpCheck(new InetSocketAddress(lo, full.getLocalPort())).reason());
        } finally {
            for (SocketChannel c : fillers) {
                c.close();
            }
        }
        server = okServer();
        assertEquals("HTTP status 200", httpGet(server.address()).reason());
        assertEquals(1, transport.pooledSockets());
    }

    @Test
    void aSocketGivenBackIsHandedOutAgainOnlyAfterTheBatchOfEvents() throws Exception {
        EventLoop loop = loop();
        ProbeSocketPool pool = transport.socketPool(loop);
        PooledProbeSocket[] taken = loop.submit(() -> {
            PooledProbeSocket first = pool.take(false);
            pool.give(first);
            return new PooledProbeSocket[] {first, pool.take(false)};
        }).get(5, TimeUnit.SECONDS);
        assertNotSame(taken[0], taken[1]);
        PooledProbeSocket later = loop.submit(() -> pool.take(false)).get(5, TimeUnit.SECONDS);
        assertSame(taken[0], later);
        loop.submit(() -> {
            pool.give(taken[1]);
            pool.give(later);
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void idleSocketsCloseAndTheDescriptorsComeBack() throws Exception {
        server = okServer();
        int withServer = FileDescriptors.open();
        List<CompletableFuture<CheckResult>> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.add(BareProbe.run(transport, server.address(), TIMEOUT, BareProbe.CONNECT_ONLY)
                    .toCompletableFuture());
        }
        for (CompletableFuture<CheckResult> f : all) {
            assertEquals("connected", f.get(5, TimeUnit.SECONDS).reason());
        }
        int pooled = transport.pooledSockets();
        assertTrue(pooled >= 1 && pooled <= 30, "pooled " + pooled);
        await().atMost(Duration.ofSeconds(5)).until(() -> transport.pooledSockets() == 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> FileDescriptors.open() == withServer);
    }

    @Test
    void closingTheTransportClosesItsPooledSockets() throws Exception {
        server = LoopbackServer.start(s -> { });
        for (int i = 0; i < 3; i++) {
            assertEquals("connected", tcpCheck(server.address()).reason());
        }
        assertEquals(1, transport.pooledSockets());
        transport.close();
        transport = null;
        server.close();
        server = null;
        await().atMost(Duration.ofSeconds(5)).until(() -> FileDescriptors.open() == outside);
    }
}
