package org.lvsd.healthcheck.check;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.healthcheck.check.Fixtures.http;
import static org.lvsd.healthcheck.check.Fixtures.run;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.schedule.Scheduler;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.TcpCheckSpec;
import org.lvsd.healthcheck.spec.UdpCheckSpec;
import org.lvsd.healthcheck.spec.UrlSpec;

class CheckTransportTest {

    @Test
    void inFlightProbesNeverExceedTheLimitAndTheRestWaitTheirTurn() throws Exception {
        try (CheckTransport t = CheckTransport.create(1, new CheckLimits(2, 1 << 20));
             LoopbackServer server = LoopbackServer.start(s -> {
                 // never answer; hold the connection until the client gives up
                 while (s.getInputStream().read() >= 0) {
                     Thread.onSpinWait();
                 }
             })) {
            HttpChecker checker = new HttpChecker(t, http(UrlSpec.of("/")), server.address());
            long start = System.nanoTime();
            List<CompletableFuture<CheckResult>> all = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                all.add(checker.check().toCompletableFuture());
            }
            AtomicInteger peak = new AtomicInteger();
            await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        peak.accumulateAndGet(t.inFlight(), Math::max);
                        return all.stream().allMatch(CompletableFuture::isDone);
                    });
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            for (CompletableFuture<CheckResult> f : all) {
                assertEquals("response timeout 1 s", f.join().reason());
            }
            assertEquals(2, peak.get());
            assertTrue(elapsed.compareTo(Duration.ofMillis(2900)) >= 0,
                    "three waves of two take three timeouts: " + elapsed);
            assertEquals(0, t.inFlight());
        }
    }

    @Test
    void nioTransportRunsTcpHttpAndUdpChecks() throws Exception {
        try (CheckTransport t = CheckTransport.createNio(1, CheckLimits.defaults());
             LoopbackServer server = LoopbackServer.start(s -> {
                 s.getInputStream().read();
                 LoopbackServer.write(s, "HTTP/1.0 204 No Content\r\n\r\n");
             })) {
            assertFalse(t.epoll());
            assertEquals("connected", run(new TcpChecker(t, new TcpCheckSpec(Fixtures.timing(),
                    ConnectOptions.none()), server.address())).reason());
            assertEquals("connection refused", run(new TcpChecker(t, new TcpCheckSpec(
                    Fixtures.timing(), ConnectOptions.none()), Fixtures.closedPort())).reason());
            assertEquals("HTTP status 204", run(new HttpChecker(t, http(UrlSpec.of("/")),
                    server.address())).reason());
            InetSocketAddress closedUdp;
            try (java.net.DatagramSocket d = new java.net.DatagramSocket(0,
                    InetAddress.getLoopbackAddress())) {
                closedUdp = (InetSocketAddress) d.getLocalSocketAddress();
            }
            assertEquals("ICMP port unreachable", run(new UdpChecker(t, new UdpCheckSpec(
                    Fixtures.timing(), ConnectOptions.none(), "00", Optional.empty(), 0, 255),
                    closedUdp)).reason());
        }
    }

    @Test
    void bindtoSetsTheSourceAddress() throws Exception {
        List<InetAddress> peers = new CopyOnWriteArrayList<>();
        InetAddress source = InetAddress.getByName("127.0.0.2");
        try (CheckTransport t = CheckTransport.create(1, CheckLimits.defaults());
             LoopbackServer server = LoopbackServer.start(s -> {
                 peers.add(s.getInetAddress());
                 s.getInputStream().read();
             })) {
            ConnectOptions connect = new ConnectOptions(Optional.empty(), OptionalInt.empty(),
                    Optional.of(source));
            assertTrue(run(new TcpChecker(t, new TcpCheckSpec(Fixtures.timing(), connect),
                    server.address())).ok());
            await().atMost(Duration.ofSeconds(2)).until(() -> !peers.isEmpty());
            assertEquals(List.of(source), peers);
        }
    }

    @Test
    void checksScheduledOnTheTransportStartOnTheLoopThatFiresThem() throws Exception {
        try (CheckTransport t = CheckTransport.create(2, CheckLimits.defaults());
             LoopbackServer server = LoopbackServer.start(s -> s.getInputStream().read())) {
            assertFalse(t.loop().inEventLoop(), "off the loops: the next loop, not this thread");
            Scheduler scheduler = t.scheduler(Clock.systemUTC());
            TcpChecker checker = new TcpChecker(t, new TcpCheckSpec(Fixtures.timing(),
                    ConnectOptions.none()), server.address());
            Set<Thread> firedOn = ConcurrentHashMap.newKeySet();
            List<Boolean> ownLoop = new CopyOnWriteArrayList<>();
            List<CompletableFuture<CheckResult>> results = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 4; i++) {
                // 30 ms apart: four slots, given to the two loops in turn
                scheduler.schedule(Duration.ofMillis(30L * i), () -> {
                    firedOn.add(Thread.currentThread());
                    ownLoop.add(t.loop().inEventLoop());
                    results.add(checker.check().toCompletableFuture());
                });
            }
            await().atMost(Duration.ofSeconds(4)).until(() -> results.size() == 4
                    && results.stream().allMatch(CompletableFuture::isDone));
            assertEquals(List.of(true, true, true, true), ownLoop);
            assertEquals(2, firedOn.size());
            for (CompletableFuture<CheckResult> f : results) {
                assertEquals("connected", f.join().reason());
            }
        }
    }
}
