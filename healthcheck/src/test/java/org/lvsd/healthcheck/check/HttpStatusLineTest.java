package org.lvsd.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.healthcheck.check.Fixtures.http;
import static org.lvsd.healthcheck.check.Fixtures.run;
import static org.lvsd.healthcheck.check.Fixtures.url;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.TcpCheckSpec;

/** HTTP_GET without digest judges the status line from the raw bytes ({@link HttpStatusHandler}). */
class HttpStatusLineTest {

    @RegisterExtension
    static final SharedTransport transport = new SharedTransport(new CheckLimits(64, 1 << 20));
    @RegisterExtension
    final DescriptorBaseline descriptors = new DescriptorBaseline();
    private LoopbackServer server;

    @BeforeAll
    static void warmUp() throws Exception {
        // one probe first: loads the transport's classes and lazily opened descriptors
        run(new TcpChecker(transport.get(), new TcpCheckSpec(Fixtures.timing(),
                ConnectOptions.none()), Fixtures.closedPort()));
    }

    @AfterEach
    void closeServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private CheckResult answer(String response, String codes) throws Exception {
        server = LoopbackServer.start(s -> {
            server.readHead(s);
            LoopbackServer.write(s, response);
        });
        return run(new HttpChecker(transport.get(), http(url("/", codes, null)),
                server.address()));
    }

    @Test
    void aStatusLineWithoutReasonOrCrIsAccepted() throws Exception {
        CheckResult r = answer("HTTP/1.1 204\n\n", "200-299");
        assertTrue(r.ok());
        assertEquals("HTTP status 204", r.reason());
    }

    @Test
    void anEmptyReasonIsAccepted() throws Exception {
        assertEquals("HTTP status 302", answer("HTTP/1.0 302 \r\n\r\n", "302").reason());
    }

    @Test
    void aStatusOutsideTheSetFailsWithIt() throws Exception {
        CheckResult r = answer("HTTP/1.0 404 Not Found\r\n\r\n", "200-299");
        assertFalse(r.ok());
        assertEquals("HTTP status 404", r.reason());
    }

    @Test
    void somethingElseThanAStatusLineIsMalformed() throws Exception {
        for (String bad : new String[] {"hello\r\n", "HTTP/1.0 20x OK\r\n", "HTTP/1.0 2000\r\n",
            "HTTP/1 200 OK\r\n", "SSH-2.0-OpenSSH_9.2\r\n"}) {
            CheckResult r = answer(bad, "200-299");
            assertFalse(r.ok(), bad);
            assertEquals("malformed HTTP response", r.reason(), bad);
            server.close();
        }
    }

    @Test
    void aStatusLineArrivingOneByteAtATimeIsJudgedWhole() throws Exception {
        server = LoopbackServer.start(s -> {
            server.readHead(s);
            OutputStream out = s.getOutputStream();
            for (byte b : "HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(5);
            }
        });
        CheckResult r = run(new HttpChecker(transport.get(), http(url("/", "200", null)),
                server.address()));
        assertEquals("HTTP status 200", r.reason());
    }

    @Test
    void aFirstLineLongerThanTheLimitIsMalformed() throws Exception {
        String longLine = "HTTP/1.0 200 " + "x".repeat(HttpStatusHandler.MAX_LINE) + "\r\n\r\n";
        CheckResult r = answer(longLine, "200");
        assertFalse(r.ok());
        assertEquals("malformed HTTP response", r.reason());
    }
}
