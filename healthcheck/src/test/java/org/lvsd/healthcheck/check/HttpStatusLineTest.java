package org.lvsd.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.lvsd.healthcheck.check.Fixtures.http;
import static org.lvsd.healthcheck.check.Fixtures.run;
import static org.lvsd.healthcheck.check.Fixtures.url;

import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.CheckResult;

/** HTTP_GET without digest judges the status line from the raw bytes ({@link StatusLine}). */
class HttpStatusLineTest extends LoopbackProbeFixture {

    private CheckResult answer(String response, String codes) throws Exception {
        return answer(s -> LoopbackServer.write(s, response), codes);
    }

    /** Serves one response after reading the request head, and probes {@code /}. */
    private CheckResult answer(LoopbackServer.Behaviour response, String codes) throws Exception {
        server = LoopbackServer.start(s -> {
            server.readHead(s);
            response.serve(s);
        });
        return run(new HttpChecker(transport.get(), http(url("/", codes, null)),
                server.address()));
    }

    private static void assertVerdict(boolean ok, String reason, CheckResult r) {
        assertEquals(ok, r.ok(), r::toString);
        assertEquals(reason, r.reason());
    }

    @Test
    void aStatusLineWithoutReasonOrCrIsAccepted() throws Exception {
        assertVerdict(true, "HTTP status 204", answer("HTTP/1.1 204\n\n", "200-299"));
    }

    @Test
    void anEmptyReasonIsAccepted() throws Exception {
        assertEquals("HTTP status 302", answer("HTTP/1.0 302 \r\n\r\n", "302").reason());
    }

    @Test
    void aStatusOutsideTheSetFailsWithIt() throws Exception {
        assertVerdict(false, "HTTP status 404",
                answer("HTTP/1.0 404 Not Found\r\n\r\n", "200-299"));
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
        CheckResult r = answer(s -> LoopbackServer.writeSlowly(s, "HTTP/1.0 200 OK\r\n\r\n", 5),
                "200");
        assertEquals("HTTP status 200", r.reason());
    }

    @Test
    void aFirstLineLongerThanTheLimitIsMalformed() throws Exception {
        String longLine = "HTTP/1.0 200 " + "x".repeat(StatusLine.MAX_LINE) + "\r\n\r\n";
        assertVerdict(false, "malformed HTTP response", answer(longLine, "200"));
    }
}
