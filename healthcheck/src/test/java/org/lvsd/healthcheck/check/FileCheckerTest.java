package org.lvsd.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.WeightEffect;
import org.lvsd.healthcheck.spec.FileCheckSpec;

class FileCheckerTest {

    @RegisterExtension
    static final SharedTransport transport = new SharedTransport();
    @TempDir
    Path dir;

    private CheckResult check(String content, int weight, boolean reverse, boolean dynamic)
            throws Exception {
        Path f = dir.resolve("track");
        if (content != null) {
            Files.writeString(f, content);
        }
        FileChecker c = new FileChecker(transport.get(),
                new FileCheckSpec(Fixtures.timing(), f, weight, reverse, dynamic));
        CheckResult r = c.check().toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
        return new CheckResult(r.ok(), r.reason(), Duration.ZERO, r.weight());
    }

    @Test
    void zeroIsUpAndNonZeroIsDownWithoutDynamic() throws Exception {
        assertEquals(CheckResult.up("value 0", Duration.ZERO), check("0\n", 5, false, false));
        assertEquals(CheckResult.down("value 3", Duration.ZERO), check("3", 5, false, false));
    }

    @Test
    void dynamicAddsValueTimesWeightAndReverseNegatesIt() throws Exception {
        assertEquals(new CheckResult(true, "value 3", Duration.ZERO, WeightEffect.add(15)),
                check(" 3 ", 5, false, true));
        assertEquals(new CheckResult(true, "value 3", Duration.ZERO, WeightEffect.add(-15)),
                check("3", 5, true, true));
    }

    @Test
    void missingOrGarbageFileIsDown() throws Exception {
        CheckResult missing = check(null, 1, false, false);
        assertFalse(missing.ok());
        assertTrue(missing.reason().startsWith("cannot read "), missing.reason());
        CheckResult garbage = check("up", 1, false, false);
        assertFalse(garbage.ok());
        assertTrue(garbage.reason().startsWith("not an integer in "), garbage.reason());
    }
}
