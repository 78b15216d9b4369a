package org.lvsd.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.healthcheck.check.Fixtures.http;
import static org.lvsd.healthcheck.check.Fixtures.run;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.spec.RegexFlag;
import org.lvsd.healthcheck.spec.StatusCodes;
import org.lvsd.healthcheck.spec.UrlSpec;

/** HTTP_GET url {@code regex} / {@code regex_no_match} against real servers on loopback. */
class HttpRegexTest extends LoopbackProbeFixture {

    private static UrlSpec url(String regex, boolean noMatch, String digest) {
        return new UrlSpec("/", StatusCodes.defaults(), Optional.ofNullable(digest),
                Optional.empty(), Optional.of(regex), noMatch);
    }

    private CheckResult check(String body, UrlSpec url, boolean chunked) throws Exception {
        server = LoopbackServer.start(s -> {
            server.readHead(s);
            if (chunked) {
                LoopbackServer.write(s, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
            } else {
                LoopbackServer.write(s, "HTTP/1.0 200 OK\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body);
            }
        });
        return run(new HttpChecker(transport.get(), http(url), server.address()));
    }

    @Test
    void aMatchingBodyPasses() throws Exception {
        CheckResult r = check("<html>status: OK, 3 backends</html>",
                url("status: (OK|DEGRADED)", false, null), false);
        assertTrue(r.ok());
        assertEquals("HTTP status 200, regex matched", r.reason());
    }

    @Test
    void aBodyThatDoesNotMatchFails() throws Exception {
        CheckResult r = check("status: FAILED", url("status: OK", false, null), false);
        assertFalse(r.ok());
        assertEquals("regex did not match", r.reason());
    }

    @Test
    void regexNoMatchInvertsTheVerdict() throws Exception {
        CheckResult down = check("maintenance mode", url("maint", true, null), false);
        assertFalse(down.ok());
        assertEquals("regex matched (regex_no_match)", down.reason());
        server.close();
        CheckResult up = check("serving", url("maint", true, null), false);
        assertTrue(up.ok());
        assertEquals("HTTP status 200, regex not matched", up.reason());
    }

    @Test
    void aChunkedBodyIsMatchedWithoutItsFraming() throws Exception {
        CheckResult r = check("alpha\nbeta", url("(?m)^beta$", false, null), true);
        assertEquals("HTTP status 200, regex matched", r.reason());
    }

    @Test
    void digestAndRegexMustBothPass() throws Exception {
        String body = "ready";
        String good = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(body.getBytes()));
        assertEquals("HTTP status 200, digest ok, regex matched",
                check(body, url("ready", false, good), false).reason());
        server.close();
        CheckResult r = check(body, url("ready", false, "0".repeat(32)), false);
        assertEquals("digest mismatch: " + good, r.reason());
    }

    @Test
    void aPatternThatBacktracksWithoutEndGivesUpInsteadOfHoldingTheLoop() throws Exception {
        String body = "a".repeat(200);
        CheckResult r = check(body, url("a*a*a*a*a*a*a*c", false, null), false);
        assertFalse(r.ok());
        assertEquals("regex gave up after " + BodyRegex.MIN_STEPS + " steps on a 200 byte body",
                r.reason());
        assertTrue(r.took().compareTo(Fixtures.TIMEOUT) < 0, r.took()::toString);
    }

    @Test
    void aMatchThatRecursesTooDeeplyFailsTheProbeOnly() throws Exception {
        String body = "a".repeat(100_000);
        CheckResult r = check(body, url("(a|aa)+b", false, null), false);
        assertFalse(r.ok());
        assertEquals("regex exhausted the stack on a 100000 byte body", r.reason());
        server.close();
        assertEquals("HTTP status 200, regex matched",
                check("fine", url("fine", false, null), false).reason());
    }

    @Test
    void regexOptionsAndOffsetsApplyToTheFetchedBody() throws Exception {
        UrlSpec url = new UrlSpec("/", StatusCodes.defaults(), Optional.empty(), Optional.empty(),
                Optional.of("^ready$"), false,
                java.util.Set.of(RegexFlag.CASELESS, RegexFlag.MULTILINE), 6,
                java.util.OptionalInt.of(6));
        assertEquals("HTTP status 200, regex matched",
                check("READY\nReady\n", url, true).reason());
        server.close();
        assertEquals("regex did not match", check("READY\nxReady\n", url, false).reason());
    }
}
