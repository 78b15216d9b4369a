package org.lvsd.ipvs.userspace;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.userspace.Loopback.ip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;

/**
 * The bare-socket TCP relay on loopback addresses: short writes and backpressure toward a slow
 * client, half-close in the server-first direction, large transfers both ways at once, and a
 * burst of connections larger than one event's accepts.
 */
class LoopbackRelayTest {
    private static final String VIP = "127.0.0.100";

    private final List<AutoCloseable> resources = new ArrayList<>();
    private UserspaceIpvsDriver driver;
    private ServiceKey service;

    @AfterEach
    void stop() throws Exception {
        Loopback.close(driver, resources);
    }

    private void start(ForwarderOptions options, LoopbackServer.Handler handler) throws Exception {
        driver = new UserspaceIpvsDriver(Clock.systemUTC(), options);
        service = ServiceKey.tcp(ip(VIP), Loopback.freePort(VIP));
        driver.addService(VirtualService.of(service, "rr"));
        LoopbackServer s = new LoopbackServer("127.0.0.21", handler);
        resources.add(s);
        driver.addDestination(service, Destination.of(new RealServer(ip("127.0.0.21"), s.port()), ForwardMethod.MASQ, 1));
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    @Test
    void aSlowClientHoldsTheServerBackAndGetsEveryByteInOrder() throws Exception {
        int total = 48 << 20;
        byte[] data = random(total, 1);
        AtomicLong sent = new AtomicLong();
        start(ForwarderOptions.DEFAULT, sock -> {
            sock.setSendBufferSize(64 * 1024);
            OutputStream out = sock.getOutputStream();
            for (int off = 0; off < total; off += 64 * 1024) {
                out.write(data, off, 64 * 1024);
                sent.addAndGet(64 * 1024);
            }
            sock.shutdownOutput();
        });
        try (Socket c = Loopback.connect(VIP, service.port())) {
            c.setReceiveBufferSize(64 * 1024);
            // not reading: the server may fill the sockets' buffers and one relay buffer, no more
            long last = -1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sent.get() != last && System.nanoTime() < deadline) {
                last = sent.get();
                Thread.sleep(500);
            }
            assertTrue(sent.get() < 24L << 20, "the server could send " + sent.get() + " bytes to a client not reading");
            c.shutdownOutput();
            ByteArrayOutputStream got = new ByteArrayOutputStream(total);
            c.getInputStream().transferTo(got);
            assertEquals(total, got.size());
            assertArrayEquals(sha256(data), sha256(got.toByteArray()));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.list().get(0).stats().outBytes() == total);
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.counters().openConnections() == 0);
    }

    @Test
    void theServersFinReachesTheClientWhileTheClientGoesOnSending() throws Exception {
        AtomicReference<String> serverGot = new AtomicReference<>();
        start(ForwarderOptions.DEFAULT, sock -> {
            sock.getOutputStream().write("bye".getBytes(StandardCharsets.US_ASCII));
            sock.shutdownOutput();
            serverGot.set(Loopback.readAll(sock.getInputStream()));
        });
        try (Socket c = Loopback.connect(VIP, service.port())) {
            assertEquals("bye", Loopback.readAll(c.getInputStream()));
            OutputStream out = c.getOutputStream();
            out.write("after ".getBytes(StandardCharsets.US_ASCII));
            out.write("the fin".getBytes(StandardCharsets.US_ASCII));
            c.shutdownOutput();
            await().atMost(Duration.ofSeconds(5)).until(() -> serverGot.get() != null);
            assertEquals("after the fin", serverGot.get());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.counters().openConnections() == 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.list().get(0).stats().inBytes() == 13);
        assertEquals(3, driver.list().get(0).stats().outBytes());
    }

    @Test
    void largeTransfersBothWaysAtOnceArriveExactly() throws Exception {
        int total = 16 << 20;
        byte[] up = random(total, 2);
        byte[] down = random(total, 3);
        AtomicReference<byte[]> serverGot = new AtomicReference<>();
        start(ForwarderOptions.DEFAULT.withIoThreads(1), sock -> {
            ExecutorService w = Executors.newSingleThreadExecutor();
            try {
                Future<?> sending = w.submit(() -> {
                    sock.getOutputStream().write(down);
                    sock.shutdownOutput();
                    return null;
                });
                serverGot.set(sock.getInputStream().readAllBytes());
                sending.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException(e);
            } finally {
                w.shutdownNow();
            }
        });
        ExecutorService w = Executors.newSingleThreadExecutor();
        try (SocketChannel c = SocketChannel.open(new InetSocketAddress(ip(VIP), service.port()))) {
            Future<?> sending = w.submit(() -> {
                ByteBuffer b = ByteBuffer.wrap(up);
                while (b.hasRemaining()) {
                    c.write(b);
                }
                c.shutdownOutput();
                return null;
            });
            InputStream in = java.nio.channels.Channels.newInputStream(c);
            byte[] got = in.readAllBytes();
            sending.get(30, TimeUnit.SECONDS);
            assertArrayEquals(sha256(down), sha256(got));
        } finally {
            w.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> serverGot.get() != null);
        assertArrayEquals(sha256(up), sha256(serverGot.get()));
    }

    /**
     * SO_REUSEPORT alone would split the connections over the two loops by their addresses' hash
     * (an even split of 100 has a chance of 8 %); each accepted connection goes to the loop with
     * fewer, so one connection at a time they stay within one of each other.
     */
    @Test
    void connectionsGoToTheLoopWithFewer() throws Exception {
        int n = 100;
        AtomicLong in = new AtomicLong();
        start(ForwarderOptions.DEFAULT.withIoThreads(2), sock -> {
            in.incrementAndGet();
            Loopback.readAll(sock.getInputStream());
        });
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress(ip(VIP), service.port()), 5000);
                clients.add(s);
                long want = i + 1;
                await().pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(5)).until(() -> in.get() == want);
                List<LoopCounters> loops = driver.counters().loops();
                int a = loops.get(0).connections();
                int b = loops.get(1).connections();
                assertEquals(want, a + b, "connections on the loops: " + loops);
                assertTrue(Math.abs(a - b) <= 1, "after " + want + " connections: " + loops);
            }
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.counters().loops().stream()
                .allMatch(l -> l.connections() == 0));
    }

    @Test
    void aBurstOfConnectionsBeyondOneEventsAcceptsIsServedInFull() throws Exception {
        int n = 3 * TcpListener.ACCEPTS_PER_EVENT + 7;
        CountDownLatch allIn = new CountDownLatch(n);
        start(ForwarderOptions.DEFAULT.withIoThreads(2), sock -> {
            allIn.countDown();
            String request = Loopback.readAll(sock.getInputStream());
            sock.getOutputStream().write(("rs1:" + request).getBytes(StandardCharsets.US_ASCII));
        });
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress(ip(VIP), service.port()), 5000);
                s.setSoTimeout(10_000);
                clients.add(s);
            }
            assertTrue(allIn.await(20, TimeUnit.SECONDS),
                    () -> allIn.getCount() + " connections never reached the server; " + driver.counters());
            assertEquals(n, driver.counters().openConnections());
            for (int i = 0; i < n; i++) {
                Socket s = clients.get(i);
                s.getOutputStream().write(("c" + i).getBytes(StandardCharsets.US_ASCII));
                s.shutdownOutput();
            }
            for (int i = 0; i < n; i++) {
                assertEquals("rs1:c" + i, Loopback.readAll(clients.get(i).getInputStream()));
            }
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.counters().openConnections() == 0);
        assertEquals(n, driver.list().get(0).stats().conns());
    }

    /**
     * Resets at every stage of the exchange (shutdown of a reset socket fails with ENOTCONN, which
     * Netty throws unchecked): the other connections of the loop, whose events came in the same
     * batch, still get every byte, and every session ends.
     */
    @Test
    void clientsAbortingAtEveryStageLeaveNoSessionBehind() throws Exception {
        String answer = "answer".repeat(1000);
        start(ForwarderOptions.DEFAULT, sock -> {
            byte[] request = new byte[4];
            new java.io.DataInputStream(sock.getInputStream()).readFully(request);
            sock.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int stage = i % 4;
                done.add(pool.submit(() -> {
                    try (Socket c = new Socket()) {
                        c.connect(new InetSocketAddress(ip(VIP), service.port()), 5000);
                        c.setSoTimeout(10_000);
                        if (stage == 0) {
                            c.setSoLinger(true, 0);
                            return null;
                        }
                        c.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                        if (stage == 1) {
                            c.setSoLinger(true, 0);
                            return null;
                        }
                        assertEquals('a', c.getInputStream().read());
                        if (stage == 2) {
                            // unread bytes: the close resets
                            return null;
                        }
                        c.shutdownOutput();
                        assertEquals(answer.substring(1), Loopback.readAll(c.getInputStream()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> driver.counters().openConnections() == 0);
    }
}
