package org.lvsd.ipvs.userspace;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.userspace.Loopback.ip;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;

/** UDP, persistence, PROXY headers and backpressure of the forwarder on loopback addresses. */
class LoopbackFlowsTest {
    private static final String VIP = "127.0.0.100";

    private final List<AutoCloseable> resources = new ArrayList<>();
    private UserspaceIpvsDriver driver;

    @AfterEach
    void stop() throws Exception {
        Loopback.close(driver, resources);
    }

    private <T extends AutoCloseable> T keep(T r) {
        resources.add(r);
        return r;
    }

    /** A UDP server answering every datagram with NAME + ":" + payload, until closed. */
    private DatagramSocket udpEcho(String address, String name) throws IOException {
        DatagramSocket s = keep(new DatagramSocket(new InetSocketAddress(ip(address), 0)));
        Thread t = new Thread(() -> {
            byte[] buf = new byte[2048];
            while (!s.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    s.receive(p);
                    byte[] answer = (name + ":" + new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII))
                            .getBytes(StandardCharsets.US_ASCII);
                    s.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return s;
    }

    private static String udpAsk(DatagramSocket client, InetSocketAddress to, String text, InetSocketAddress[] from)
            throws IOException {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        client.send(new DatagramPacket(b, b.length, to));
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        client.receive(p);
        from[0] = (InetSocketAddress) p.getSocketAddress();
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
    }

    @Test
    void udpFlowsAreScheduledPerClientAndAnsweredFromTheVip() throws Exception {
        driver = new UserspaceIpvsDriver(Clock.systemUTC(), ForwarderOptions.DEFAULT);
        ServiceKey svc = ServiceKey.udp(ip(VIP), Loopback.freePort(VIP));
        driver.addService(VirtualService.of(svc, "rr"));
        DatagramSocket rs1 = udpEcho("127.0.0.21", "rs1");
        DatagramSocket rs2 = udpEcho("127.0.0.22", "rs2");
        driver.addDestination(svc, Destination.of(new RealServer(ip("127.0.0.21"), rs1.getLocalPort()),
                ForwardMethod.MASQ, 1));
        driver.addDestination(svc, Destination.of(new RealServer(ip("127.0.0.22"), rs2.getLocalPort()),
                ForwardMethod.MASQ, 1));
        InetSocketAddress vip = new InetSocketAddress(ip(VIP), svc.port());
        InetSocketAddress[] from = new InetSocketAddress[1];
        DatagramSocket a = keep(new DatagramSocket(new InetSocketAddress(ip("127.0.0.1"), 0)));
        DatagramSocket b = keep(new DatagramSocket(new InetSocketAddress(ip("127.0.0.1"), 0)));
        a.setSoTimeout(5000);
        b.setSoTimeout(5000);
        String a1 = udpAsk(a, vip, "one", from);
        assertEquals(vip, from[0]);
        String a2 = udpAsk(a, vip, "two", from);
        String b1 = udpAsk(b, vip, "three", from);
        assertEquals(a1.substring(0, 4) + "two", a2, "one flow, one server");
        assertNotEquals(a1.substring(0, 4), b1.substring(0, 4), "a second flow goes to the other server");
        ServiceEntry e = driver.list().get(0);
        assertEquals(2, e.stats().conns());
        assertEquals(3, e.stats().inPkts());
        assertEquals(3, e.stats().outPkts());
        assertEquals(3 + 3 + 5, e.stats().inBytes());
        assertEquals(a1.length() + a2.length() + b1.length(), e.stats().outBytes());
        assertEquals(2, driver.counters().openConnections());
    }

    @Test
    void udpFlowsEndAfterTheUdpTimeout() throws Exception {
        driver = new UserspaceIpvsDriver(Clock.systemUTC(), ForwarderOptions.DEFAULT);
        driver.setTimeouts(new org.lvsd.ipvs.Timeouts(0, 0, 1));
        ServiceKey svc = ServiceKey.udp(ip(VIP), Loopback.freePort(VIP));
        DatagramSocket rs1 = udpEcho("127.0.0.21", "rs1");
        driver.addService(VirtualService.of(svc, "rr"));
        driver.addDestination(svc, Destination.of(new RealServer(ip("127.0.0.21"), rs1.getLocalPort()),
                ForwardMethod.MASQ, 1));
        DatagramSocket client = keep(new DatagramSocket(new InetSocketAddress(ip("127.0.0.1"), 0)));
        client.setSoTimeout(5000);
        assertEquals("rs1:x", udpAsk(client, new InetSocketAddress(ip(VIP), svc.port()), "x",
                new InetSocketAddress[1]));
        assertEquals(1, driver.counters().openConnections());
        long t0 = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.counters().openConnections() == 0);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 500, "ended after " + ms + " ms");
    }

    @Test
    void deletedUdpServiceDrainsItsFlowsAndComesBackOnReAdd() throws Exception {
        driver = new UserspaceIpvsDriver(Clock.systemUTC(), ForwarderOptions.DEFAULT);
        ServiceKey svc = ServiceKey.udp(ip(VIP), Loopback.freePort(VIP));
        DatagramSocket rs1 = udpEcho("127.0.0.21", "rs1");
        Destination dest = Destination.of(new RealServer(ip("127.0.0.21"), rs1.getLocalPort()), ForwardMethod.MASQ, 1);
        driver.addService(VirtualService.of(svc, "rr"));
        driver.addDestination(svc, dest);
        InetSocketAddress vip = new InetSocketAddress(ip(VIP), svc.port());
        InetSocketAddress[] from = new InetSocketAddress[1];
        DatagramSocket known = keep(new DatagramSocket(new InetSocketAddress(ip("127.0.0.1"), 0)));
        DatagramSocket late = keep(new DatagramSocket(new InetSocketAddress(ip("127.0.0.1"), 0)));
        known.setSoTimeout(5000);
        late.setSoTimeout(500);
        assertEquals("rs1:a", udpAsk(known, vip, "a", from));
        driver.deleteService(svc);
        assertEquals("rs1:b", udpAsk(known, vip, "b", from), "an existing flow drains");
        assertThrows(java.net.SocketTimeoutException.class, () -> udpAsk(late, vip, "c", from), "no new flows");
        driver.addService(VirtualService.of(svc, "rr"));
        driver.addDestination(svc, dest);
        late.setSoTimeout(5000);
        assertEquals("rs1:d", udpAsk(late, vip, "d", from));
    }

    @Test
    void persistentServiceKeepsAClientOnOneServer() throws Exception {
        driver = new UserspaceIpvsDriver(Clock.systemUTC(), ForwarderOptions.DEFAULT);
        ServiceKey svc = ServiceKey.tcp(ip(VIP), Loopback.freePort(VIP));
        driver.addService(VirtualService.of(svc, "rr").withPersistence(300, 0xffffffff));
        for (String n : List.of("21", "22")) {
            LoopbackServer s = keep(new LoopbackServer("127.0.0." + n, sock -> {
                Loopback.readAll(sock.getInputStream());
                sock.getOutputStream().write(("rs" + n).getBytes(StandardCharsets.US_ASCII));
            }));
            driver.addDestination(svc, Destination.of(new RealServer(ip("127.0.0." + n), s.port()),
                    ForwardMethod.MASQ, 1));
        }
        List<String> fromOne = new ArrayList<>();
        List<String> fromTwo = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fromOne.add(askFrom("127.0.0.1", svc.port()));
            fromTwo.add(askFrom("127.0.0.2", svc.port()));
        }
        assertEquals(List.of(fromOne.get(0), fromOne.get(0), fromOne.get(0)), fromOne);
        assertEquals(List.of(fromTwo.get(0), fromTwo.get(0), fromTwo.get(0)), fromTwo);
        assertNotEquals(fromOne.get(0), fromTwo.get(0));
        assertEquals(2, driver.connections().stream().filter(c -> c.template()).count());
    }

    private static String askFrom(String source, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(ip(source), 0));
            s.connect(new InetSocketAddress(ip(VIP), port), 5000);
            s.setSoTimeout(10_000);
            s.shutdownOutput();
            return Loopback.readAll(s.getInputStream());
        }
    }

    @Test
    void proxyProtocolV1HeaderPrecedesTheClientsBytes() throws Exception {
        driver = new UserspaceIpvsDriver(Clock.systemUTC(), ForwarderOptions.DEFAULT.withProxyProtocol(ProxyProtocol.V1));
        ServiceKey svc = ServiceKey.tcp(ip(VIP), Loopback.freePort(VIP));
        driver.addService(VirtualService.of(svc, "rr"));
        AtomicReference<String> seen = new AtomicReference<>();
        LoopbackServer s = keep(new LoopbackServer("127.0.0.21", sock -> seen.set(Loopback.readAll(sock.getInputStream()))));
        driver.addDestination(svc, Destination.of(new RealServer(ip("127.0.0.21"), s.port()), ForwardMethod.MASQ, 1));
        int clientPort;
        try (Socket c = Loopback.connect(VIP, svc.port())) {
            clientPort = c.getLocalPort();
            c.getOutputStream().write("GET /".getBytes(StandardCharsets.US_ASCII));
            c.shutdownOutput();
            assertEquals(-1, c.getInputStream().read());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.get() != null);
        assertEquals("PROXY TCP4 127.0.0.1 127.0.0.100 " + clientPort + " " + svc.port() + "\r\nGET /", seen.get());
    }

    @Test
    void proxyProtocolV2HeaderPrecedesTheClientsBytes() throws Exception {
        driver = new UserspaceIpvsDriver(Clock.systemUTC(), ForwarderOptions.DEFAULT.withProxyProtocol(ProxyProtocol.V2));
        ServiceKey svc = ServiceKey.tcp(ip(VIP), Loopback.freePort(VIP));
        driver.addService(VirtualService.of(svc, "rr"));
        AtomicReference<byte[]> seen = new AtomicReference<>();
        LoopbackServer s = keep(new LoopbackServer("127.0.0.21", sock -> seen.set(sock.getInputStream().readAllBytes())));
        driver.addDestination(svc, Destination.of(new RealServer(ip("127.0.0.21"), s.port()), ForwardMethod.MASQ, 1));
        InetSocketAddress clientAddress;
        try (Socket c = Loopback.connect(VIP, svc.port())) {
            clientAddress = (InetSocketAddress) c.getLocalSocketAddress();
            c.getOutputStream().write(new byte[] {1, 2, 3});
            c.shutdownOutput();
            assertEquals(-1, c.getInputStream().read());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.get() != null);
        byte[] header = ProxyHeader.v2(clientAddress, new InetSocketAddress(ip(VIP), svc.port()));
        byte[] expected = java.util.Arrays.copyOf(header, header.length + 3);
        expected[header.length] = 1;
        expected[header.length + 1] = 2;
        expected[header.length + 2] = 3;
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, seen.get());
    }

    @Test
    void aServerThatDoesNotReadStopsTheClientWithoutUnboundedBuffering() throws Exception {
        driver = new UserspaceIpvsDriver(Clock.systemUTC(), ForwarderOptions.DEFAULT);
        ServiceKey svc = ServiceKey.tcp(ip(VIP), Loopback.freePort(VIP));
        driver.addService(VirtualService.of(svc, "rr"));
        CountDownLatch startReading = new CountDownLatch(1);
        AtomicLong received = new AtomicLong();
        LoopbackServer s = keep(new LoopbackServer("127.0.0.21", sock -> {
            try {
                startReading.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            InputStream in = sock.getInputStream();
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                received.addAndGet(n);
            }
        }));
        driver.addDestination(svc, Destination.of(new RealServer(ip("127.0.0.21"), s.port()), ForwardMethod.MASQ, 1));
        long total = 64L << 20;
        long written = 0;
        try (SocketChannel c = SocketChannel.open(new InetSocketAddress(ip(VIP), svc.port()))) {
            c.configureBlocking(false);
            ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
            long lastProgress = System.nanoTime();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (written < total && System.nanoTime() - lastProgress < 1_000_000_000L && System.nanoTime() < deadline) {
                chunk.clear();
                int n = c.write(chunk);
                if (n > 0) {
                    written += n;
                    lastProgress = System.nanoTime();
                } else {
                    Thread.sleep(5);
                }
            }
            assertTrue(written < 32L << 20, "the client could write " + written + " bytes into a stalled server");
            startReading.countDown();
            c.configureBlocking(true);
            while (written < total) {
                chunk.clear();
                chunk.limit((int) Math.min(chunk.capacity(), total - written));
                written += c.write(chunk);
            }
            c.shutdownOutput();
            await().atMost(Duration.ofSeconds(20)).until(() -> received.get() == total);
        }
        // the forwarder counts reads in batches, at most a second late
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.list().get(0).stats().inBytes() == total);
    }
}
