package org.lvsd.healthcheck.check;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.WeightEffect;
import org.lvsd.healthcheck.spec.MiscCheckSpec;

class MiscCheckerTest {

    @RegisterExtension
    static final SharedTransport transport = new SharedTransport();

    private static CheckResult run(boolean dynamic, Duration timeout, String... argv) {
        MiscChecker c = new MiscChecker(transport.get(), new MiscCheckSpec(Fixtures.timing(),
                List.of(argv), timeout, dynamic));
        CompletableFuture<CheckResult> f = c.check().toCompletableFuture();
        await().atMost(timeout.plusSeconds(5)).until(f::isDone);
        return f.join();
    }

    private static CheckResult exit(boolean dynamic, int code) {
        return run(dynamic, Duration.ofSeconds(10), "/bin/sh", "-c", "exit " + code);
    }

    @Test
    void exitZeroIsUpAndAnyOtherCodeIsDown() {
        assertEquals(new CheckResult(true, "exit 0", Duration.ZERO, WeightEffect.none()),
                withoutTime(exit(false, 0)));
        assertEquals(new CheckResult(false, "exit 1", Duration.ZERO, WeightEffect.none()),
                withoutTime(exit(false, 1)));
        assertEquals(new CheckResult(false, "exit 7", Duration.ZERO, WeightEffect.none()),
                withoutTime(exit(false, 7)));
    }

    @Test
    void dynamicExitCodesSetTheWeightToExitMinusTwo() {
        assertEquals(new CheckResult(true, "exit 0", Duration.ZERO, WeightEffect.none()),
                withoutTime(exit(true, 0)));
        assertEquals(new CheckResult(false, "exit 1", Duration.ZERO, WeightEffect.none()),
                withoutTime(exit(true, 1)));
        assertEquals(new CheckResult(true, "exit 2", Duration.ZERO, WeightEffect.set(0)),
                withoutTime(exit(true, 2)));
        assertEquals(new CheckResult(true, "exit 255", Duration.ZERO, WeightEffect.set(253)),
                withoutTime(exit(true, 255)));
    }

    @Test
    void argumentsAreNotInterpretedByAShell(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("marker");
        CheckResult r = run(false, Duration.ofSeconds(10), "/usr/bin/test", "-e",
                marker + "; touch " + marker);
        assertFalse(r.ok());
        assertFalse(Files.exists(marker));
    }

    @Test
    void timeoutKillsTheWholeProcessTree(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("child.pid");
        CheckResult r = run(false, Duration.ofMillis(500), "/bin/sh", "-c",
                "sleep 60 & echo $! > " + pidFile + "; wait");
        assertFalse(r.ok());
        assertEquals("misc_timeout 500 ms expired", r.reason());
        long child = Long.parseLong(Files.readString(pidFile).trim());
        await().atMost(Duration.ofSeconds(5)).until(() ->
                ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void missingProgramIsDownWithTheReason() {
        CheckResult r = run(false, Duration.ofSeconds(5), "/nonexistent/lvsd-check");
        assertFalse(r.ok());
        assertTrue(r.reason().startsWith("cannot start /nonexistent/lvsd-check: "), r.reason());
    }

    private static CheckResult withoutTime(CheckResult r) {
        return new CheckResult(r.ok(), r.reason(), Duration.ZERO, r.weight());
    }
}
