package org.lvsd.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.healthcheck.check.Fixtures.TIMEOUT;
import static org.lvsd.healthcheck.check.Fixtures.http;
import static org.lvsd.healthcheck.check.Fixtures.run;
import static org.lvsd.healthcheck.check.Fixtures.url;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.spec.HttpCheckSpec.HttpProtocol;
import org.lvsd.healthcheck.spec.UrlSpec;

/**
 * Plain HTTP_GET on the bare socket ({@link BareProbe} with {@link HttpStatusExchange}), run
 * directly so that the path under test is certain: the request's bytes on the wire, the
 * status judged from reads of any size, early closes, silence, a huge body, and every
 * descriptor given back ({@link LoopbackProbeFixture}'s baseline after each test).
 */
class BareHttpProbeTest extends LoopbackProbeFixture {

    private static final String OK = "HTTP/1.0 200 OK\r\n\r\n";

    private static byte[] request(String path) {
        return HttpRequests.get(path, HttpProtocol.HTTP_1_0, "198.51.100.7")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private CheckResult probe(UrlSpec url, byte[] request, long cap) {
        return run(() -> BareProbe.run(transport.get(), server.address(), TIMEOUT,
                session -> new HttpStatusExchange(session, request, url, cap)));
    }

    private CheckResult probe(String codes) {
        return probe(url("/", codes, null), request("/"), 1 << 20);
    }

    private static void assertDown(String reason, CheckResult r) {
        assertFalse(r.ok(), r::toString);
        assertEquals(reason, r.reason());
    }

    /** Serves {@code response} once the request head is read. */
    private void answer(LoopbackServer.Behaviour response) throws IOException {
        server = LoopbackServer.start(s -> {
            server.requests.add(head(s.getInputStream()));
            response.serve(s);
        });
    }

    /** The request head, read to its blank line without a size limit. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r'
                    && h[n - 1] == '\n') {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void theEncodedRequestIsWhatGoesOnTheWire() throws Exception {
        answer(s -> LoopbackServer.write(s, OK));
        CheckResult r = probe(url("/health", "200", null), request("/health"), 1 << 20);
        assertEquals("HTTP status 200", r.reason());
        assertTrue(r.ok());
        assertEquals(List.of("GET /health HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\n"
                + "Host: 198.51.100.7\r\n\r\n"), server.requests);
    }

    @Test
    void aRequestLargerThanTheLoopBufferIsSentWhole() throws Exception {
        answer(s -> LoopbackServer.write(s, OK));
        String path = "/" + "p".repeat(3 * HttpStatusExchange.BUFFER_BYTES);
        CheckResult r = probe(url(path, "200", null), request(path), 1 << 20);
        assertEquals("HTTP status 200", r.reason());
        assertEquals(List.of(new String(request(path), StandardCharsets.US_ASCII)),
                server.requests);
    }

    @Test
    void aRequestLargerThanTheSocketBuffersWaitsForRoomAndIsSentWhole() throws Exception {
        String path = "/" + "q".repeat(8 << 20);
        byte[] request = request(path);
        CompletableFuture<Integer> received = new CompletableFuture<>();
        server = LoopbackServer.start(s -> {
            Thread.sleep(300); // the probe fills both sockets' buffers meanwhile (EAGAIN)
            InputStream in = s.getInputStream();
            byte[] all = new byte[request.length];
            int n = 0;
            int r;
            while (n < all.length && (r = in.read(all, n, all.length - n)) > 0) {
                n += r;
            }
            received.complete(n);
            LoopbackServer.write(s, OK);
        });
        CheckResult r = probe(url(path, "200", null), request, 1 << 20);
        assertEquals("HTTP status 200", r.reason());
        assertEquals(request.length, received.get(5, TimeUnit.SECONDS));
    }

    @Test
    void anAnswerSentBeforeTheRequestArrivesIsJudged() throws Exception {
        server = LoopbackServer.start(s -> {
            LoopbackServer.write(s, "HTTP/1.0 200 OK\r\n\r\n");
            head(s.getInputStream());
        });
        assertEquals("HTTP status 200", probe("200").reason());
    }

    @Test
    void theStatusIsJudgedAgainstTheUrlsCodes() throws Exception {
        answer(s -> LoopbackServer.write(s, "HTTP/1.1 503 Busy\r\n\r\n"));
        assertDown("HTTP status 503", probe("200-299"));
        CheckResult up = probe("200 500-503");
        assertTrue(up.ok());
        assertEquals("HTTP status 503", up.reason());
    }

    @Test
    void aStatusLineSplitByteByByteIsJudgedWhole() throws Exception {
        answer(s -> LoopbackServer.writeSlowly(s, "HTTP/1.0 204 No Content\r\n\r\n", 5));
        assertEquals("HTTP status 204", probe("200-299").reason());
    }

    @Test
    void somethingElseThanAStatusLineIsMalformed() throws Exception {
        answer(s -> LoopbackServer.write(s, "SSH-2.0-OpenSSH_9.2\r\n"));
        assertDown("malformed HTTP response", probe("200-299"));
    }

    @Test
    void aServerClosingInTheMiddleOfTheLineFails() throws Exception {
        answer(s -> LoopbackServer.write(s, "HTTP/1.0 2"));
        assertDown("connection closed by peer while waiting for response", probe("200-299"));
    }

    @Test
    void aServerClosingWithoutAWordFails() throws Exception {
        answer(s -> { });
        assertDown("connection closed by peer while waiting for response", probe("200-299"));
    }

    @Test
    void aServerResettingFails() throws Exception {
        answer(s -> {
            s.setSoLinger(true, 0);
            s.close();
        });
        assertDown("connection reset", probe("200-299"));
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        answer(s -> Thread.sleep(60_000));
        assertDown("response timeout 1 s", probe("200-299"));
    }

    @Test
    void aClosedPortIsRefused() throws Exception {
        server = LoopbackServer.start(s -> { });
        java.net.InetSocketAddress closed = Fixtures.closedPort();
        CheckResult r = run(() -> BareProbe.run(transport.get(), closed, TIMEOUT,
                session -> new HttpStatusExchange(session, request("/"), UrlSpec.of("/"),
                        1 << 20)));
        assertDown("connection refused", r);
    }

    @Test
    void theProbeClosesWithAResetOnceJudged() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        answer(s -> {
            LoopbackServer.write(s, OK);
            try {
                seen.complete(s.getInputStream().read() < 0 ? "FIN" : "data");
            } catch (SocketException e) {
                seen.complete(e.getMessage());
            }
        });
        assertTrue(probe("200").ok());
        assertEquals("Connection reset", seen.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aHundredMegabyteBodyIsNotReadPastTheStatusLine() throws Exception {
        CompletableFuture<Long> written = new CompletableFuture<>();
        answer(s -> {
            OutputStream out = s.getOutputStream();
            out.write(OK.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            long n = 0;
            try {
                for (int i = 0; i < 1600; i++) {
                    out.write(chunk);
                    n += chunk.length;
                }
            } finally {
                written.complete(n);
            }
        });
        CheckResult r = probe("200");
        assertEquals("HTTP status 200", r.reason());
        assertTrue(r.took().compareTo(TIMEOUT) < 0, r.took()::toString);
        assertTrue(written.get(5, TimeUnit.SECONDS) < 100L << 20, "the server wrote it all");
    }

    @Test
    void aHundredMegabytesWithoutALineEndAreMalformedAfterTheLineLimit() throws Exception {
        answer(s -> {
            OutputStream out = s.getOutputStream();
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 1600; i++) {
                out.write(chunk);
            }
        });
        CheckResult r = probe("200");
        assertDown("malformed HTTP response", r);
        assertTrue(r.took().compareTo(TIMEOUT) < 0, r.took()::toString);
    }

    @Test
    void moreThanTheResponseCapFailsAsTheChannelsByteCapDoes() throws Exception {
        answer(s -> LoopbackServer.write(s, OK));
        assertDown("response exceeds 10 bytes", probe(url("/", "200", null), request("/"), 10));
    }

    @Test
    void manyProbesAtOnceAllPassAndGiveTheirDescriptorsBack() throws Exception {
        answer(s -> LoopbackServer.write(s, OK));
        List<CompletableFuture<CheckResult>> all = new ArrayList<>();
        // fewer than the server's accept backlog (50) and the transport's in-flight cap (64)
        for (int i = 0; i < 40; i++) {
            all.add(BareProbe.run(transport.get(), server.address(), TIMEOUT,
                    session -> new HttpStatusExchange(session, request("/"), UrlSpec.of("/"),
                            1 << 20)).toCompletableFuture());
        }
        for (CompletableFuture<CheckResult> f : all) {
            assertEquals("HTTP status 200", f.get(5, TimeUnit.SECONDS).reason());
        }
        assertEquals(40, server.requests.size());
    }

    @Test
    void theCheckerTakesTheBarePathOnEpollAndTheChannelOnNioWithTheSameVerdict()
            throws Exception {
        answer(s -> LoopbackServer.writeSlowly(s, "HTTP/1.0 404 Nope\r\n\r\n", 2));
        assertTrue(BareProbe.usable(transport.get(), http(UrlSpec.of("/")).connect()));
        CheckResult bare = run(new HttpChecker(transport.get(), http(UrlSpec.of("/")),
                server.address()));
        try (CheckTransport nio = CheckTransport.createNio(1, new CheckLimits(4, 1 << 20))) {
            assertFalse(BareProbe.usable(nio, http(UrlSpec.of("/")).connect()));
            CheckResult channel = run(new HttpChecker(nio, http(UrlSpec.of("/")),
                    server.address()));
            assertEquals("HTTP status 404", bare.reason());
            assertEquals(bare.reason(), channel.reason());
            assertEquals(bare.ok(), channel.ok());
        }
    }
}
