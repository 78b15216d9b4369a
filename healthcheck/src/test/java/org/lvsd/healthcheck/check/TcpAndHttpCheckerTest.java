package org.lvsd.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.healthcheck.check.Fixtures.TIMEOUT;
import static org.lvsd.healthcheck.check.Fixtures.http;
import static org.lvsd.healthcheck.check.Fixtures.run;
import static org.lvsd.healthcheck.check.Fixtures.url;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.HttpCheckSpec;
import org.lvsd.healthcheck.spec.HttpCheckSpec.HttpProtocol;
import org.lvsd.healthcheck.spec.TcpCheckSpec;
import org.lvsd.healthcheck.spec.UrlSpec;

class TcpAndHttpCheckerTest extends LoopbackProbeFixture {

    private static String md5(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
    }

    private CheckResult fetch(HttpCheckSpec spec) {
        return run(new HttpChecker(transport.get(), spec, server.address()));
    }

    private void serve(int status, String body) throws Exception {
        server = LoopbackServer.start(s -> {
            server.readHead(s);
            LoopbackServer.write(s, "HTTP/1.0 " + status + " X\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body);
        });
    }

    @Test
    void tcpCheckPassesWhenTheConnectionIsAccepted() throws Exception {
        server = LoopbackServer.start(s -> s.getInputStream().read());
        CheckResult r = run(new TcpChecker(transport.get(),
                new TcpCheckSpec(Fixtures.timing(), ConnectOptions.none()), server.address()));
        assertTrue(r.ok());
        assertEquals("connected", r.reason());
    }

    @Test
    void tcpCheckOnAChannelClosesWithAReset() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        server = LoopbackServer.start(s -> {
            try {
                seen.complete(s.getInputStream().read() < 0 ? "FIN" : "data");
            } catch (SocketException e) {
                seen.complete(e.getMessage());
            }
        });
        // bindto: a source option, so the probe runs on a Netty channel, not a bare socket
        ConnectOptions bindto = new ConnectOptions(Optional.empty(), OptionalInt.empty(),
                Optional.of(InetAddress.getLoopbackAddress()));
        CheckResult r = run(new TcpChecker(transport.get(),
                new TcpCheckSpec(Fixtures.timing(), bindto), server.address()));
        assertTrue(r.ok());
        assertEquals("Connection reset", seen.get(5, TimeUnit.SECONDS));
    }

    @Test
    void bareTcpCheckResetsTheHandshakeBeforeTheServerAcceptsIt() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = (InetSocketAddress) listener.getLocalSocketAddress();
            CheckResult r = run(new TcpChecker(transport.get(),
                    new TcpCheckSpec(Fixtures.timing(), ConnectOptions.none()), address));
            assertEquals("connected", r.reason());
            // the accept queue is in arrival order: had the check's connection been
            // established on the server, it would come out before this one
            try (Socket marker = new Socket(address.getAddress(), address.getPort());
                 Socket first = listener.accept()) {
                assertEquals(marker.getLocalPort(), first.getPort());
            }
        }
    }

    @Test
    void tcpCheckFailsWithConnectionRefusedOnAClosedPort() throws Exception {
        CheckResult r = run(new TcpChecker(transport.get(),
                new TcpCheckSpec(Fixtures.timing(), ConnectOptions.none()), Fixtures.closedPort()));
        assertFalse(r.ok());
        assertEquals("connection refused", r.reason());
    }

    @Test
    void tcpCheckTimesOutWhenTheHandshakeNeverCompletes() throws Exception {
        // a listener that never accepts, its accept queue filled: the kernel drops further SYNs
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket s = new Socket();
                    fillers.add(s);
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                    } catch (SocketTimeoutException queueFull) {
                        break;
                    }
                }
                CheckResult r = run(new TcpChecker(transport.get(), new TcpCheckSpec(
                        Fixtures.timing(), ConnectOptions.none()),
                        (InetSocketAddress) full.getLocalSocketAddress()));
                assertFalse(r.ok());
                assertEquals("connect timeout 1 s", r.reason());
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void httpGetSendsKeepalivedsRequestAndPassesOn200() throws Exception {
        serve(200, "hello");
        CheckResult r = fetch(http(UrlSpec.of("/health")));
        assertEquals("HTTP status 200", r.reason());
        assertTrue(r.ok());
        assertEquals(List.of("GET /health HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: "
                + "127.0.0.1:" + server.address().getPort() + "\r\n\r\n"), server.requests);
    }

    @Test
    void http11SendsVirtualhostAndConnectionClose() throws Exception {
        serve(200, "");
        HttpCheckSpec spec = new HttpCheckSpec(Fixtures.timing(), ConnectOptions.none(),
                HttpProtocol.HTTP_1_1, Optional.of("www.example.org"), List.of(UrlSpec.of("/")),
                Optional.empty());
        assertTrue(fetch(spec).ok());
        assertEquals(List.of("GET / HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nHost: "
                + "www.example.org:" + server.address().getPort()
                + "\r\nConnection: close\r\n\r\n"), server.requests);
    }

    @Test
    void wrongStatusFailsWithTheStatus() throws Exception {
        serve(503, "busy");
        CheckResult r = fetch(http(UrlSpec.of("/")));
        assertFalse(r.ok());
        assertEquals("HTTP status 503", r.reason());
    }

    @Test
    void statusRangesAreHonoured() throws Exception {
        serve(404, "");
        assertTrue(fetch(http(url("/", "200 400-404", null))).ok());
    }

    @Test
    void matchingDigestPassesAndWrongDigestFails() throws Exception {
        serve(200, "payload");
        String good = md5("payload".getBytes(StandardCharsets.US_ASCII));
        assertEquals("HTTP status 200, digest ok", fetch(http(url("/", "200", good))).reason());
        CheckResult bad = fetch(http(url("/", "200", "00000000000000000000000000000000")));
        assertFalse(bad.ok());
        assertEquals("digest mismatch: " + good, bad.reason());
    }

    @Test
    void chunkedBodyIsDigestedWithoutItsFraming() throws Exception {
        server = LoopbackServer.start(s -> {
            server.readHead(s);
            LoopbackServer.write(s, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3\r\npay\r\n4\r\nload\r\n0\r\n\r\n");
        });
        String digest = md5("payload".getBytes(StandardCharsets.US_ASCII));
        assertEquals("HTTP status 200, digest ok", fetch(http(url("/", "200", digest))).reason());
    }

    @Test
    void ipv6LoopbackIsCheckedWithABracketedHostHeader() throws Exception {
        java.net.InetAddress v6 = java.net.InetAddress.getByName("::1");
        java.net.ServerSocket probe;
        try {
            probe = new java.net.ServerSocket(0, 1, v6);
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback: " + e.getMessage());
            return;
        }
        probe.close();
        List<String> heads = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 5, v6)) {
            Thread t = new Thread(() -> {
                try (java.net.Socket s = ss.accept()) {
                    byte[] buf = new byte[512];
                    int n = s.getInputStream().read(buf);
                    heads.add(new String(buf, 0, Math.max(n, 0), StandardCharsets.US_ASCII));
                    s.getOutputStream().write("HTTP/1.0 200 OK\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (java.io.IOException e) {
                    // the assertion below reports the failure
                }
            });
            t.setDaemon(true);
            t.start();
            CheckResult r = run(new HttpChecker(transport.get(), http(UrlSpec.of("/")),
                    new InetSocketAddress(v6, ss.getLocalPort())));
            assertEquals("HTTP status 200", r.reason());
            t.join(5000);
            assertTrue(heads.get(0).contains("\r\nHost: [0:0:0:0:0:0:0:1]:"
                    + ss.getLocalPort() + "\r\n"), heads.get(0));
        }
    }

    @Test
    void everyUrlMustPass() throws Exception {
        server = LoopbackServer.start(s -> {
            String head = server.readHead(s);
            int status = head.startsWith("GET /bad ") ? 500 : 200;
            LoopbackServer.write(s, "HTTP/1.0 " + status + " X\r\nContent-Length: 0\r\n\r\n");
        });
        CheckResult r = fetch(http(UrlSpec.of("/good"), UrlSpec.of("/bad")));
        assertFalse(r.ok());
        assertEquals("/bad: HTTP status 500", r.reason());
    }

    @Test
    void serverThatAcceptsAndNeverAnswersTimesOut() throws Exception {
        server = LoopbackServer.start(s -> Thread.sleep(60_000));
        CheckResult r = fetch(http(UrlSpec.of("/")));
        assertFalse(r.ok());
        assertEquals("response timeout 1 s", r.reason());
        assertTrue(r.took().compareTo(TIMEOUT.plusMillis(500)) < 0, r.took()::toString);
    }

    @Test
    void resetConnectionFails() throws Exception {
        server = LoopbackServer.start(s -> {
            server.readHead(s);
            s.setSoLinger(true, 0);
            s.close();
        });
        CheckResult r = fetch(http(UrlSpec.of("/")));
        assertFalse(r.ok());
        assertTrue(r.reason().equals("connection reset")
                        || r.reason().equals("connection closed by peer while waiting for response"),
                r.reason());
    }

    @Test
    void oneByteASecondServerFailsAtTheDeadline() throws Exception {
        server = LoopbackServer.start(s -> {
            server.readHead(s);
            LoopbackServer.writeSlowly(s, "HTTP/1.0 200 OK\r\n\r\n", 1000);
        });
        CheckResult r = fetch(http(UrlSpec.of("/")));
        assertFalse(r.ok());
        assertEquals("response timeout 1 s", r.reason());
    }

    @Test
    void hundredMegabyteBodyHitsTheSizeCapAndFailsFast() throws Exception {
        server = LoopbackServer.start(s -> {
            server.readHead(s);
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 1600; i++) {
                out.write(chunk);
            }
        });
        CheckResult r = fetch(http(url("/", "200", "00000000000000000000000000000000")));
        assertFalse(r.ok());
        assertEquals("response exceeds 1048576 bytes", r.reason());
        assertTrue(r.took().compareTo(TIMEOUT) < 0, r.took()::toString);
    }

    @Test
    void declaredOversizedBodyFailsBeforeReadingIt() throws Exception {
        server = LoopbackServer.start(s -> {
            server.readHead(s);
            LoopbackServer.write(s, "HTTP/1.0 200 OK\r\nContent-Length: 104857600\r\n\r\n");
            Thread.sleep(60_000);
        });
        CheckResult r = fetch(http(url("/", "200", "00000000000000000000000000000000")));
        assertEquals("response exceeds 1048576 bytes (Content-Length 104857600)", r.reason());
    }

    @Test
    void connectIpAndPortOverrideTheRealServerAddress() throws Exception {
        serve(200, "");
        InetSocketAddress target = new ConnectOptions(Optional.of(server.address().getAddress()),
                java.util.OptionalInt.of(server.address().getPort()), Optional.empty())
                .target(java.net.InetAddress.getByName("192.0.2.1"), 80);
        assertTrue(run(new HttpChecker(transport.get(), http(UrlSpec.of("/")), target)).ok());
    }

    @Test
    void aStalledServerDoesNotDelayOtherChecks() throws Exception {
        server = LoopbackServer.start(s -> {
            String head = server.readHead(s);
            if (head.startsWith("GET /slow ")) {
                Thread.sleep(60_000);
            }
            LoopbackServer.write(s, "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n");
        });
        HttpChecker slow = new HttpChecker(transport.get(), http(UrlSpec.of("/slow")),
                server.address());
        var stalled = List.of(slow.check(), slow.check(), slow.check());
        CheckResult fast = fetch(http(UrlSpec.of("/fast")));
        assertTrue(fast.ok());
        assertTrue(fast.took().compareTo(Duration.ofMillis(500)) < 0, fast.took()::toString);
        for (var s : stalled) {
            CheckResult r = s.toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("response timeout 1 s", r.reason());
        }
    }
}
