package org.lvsd.healthcheck.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.WeightEffect;
import org.lvsd.healthcheck.spec.FileCheckSpec;

/**
 * FILE_CHECK: reads one integer from {@code track_file} (at most 64 bytes) on the transport's
 * blocking thread; see {@link FileCheckSpec} for the verdict.
 */
public final class FileChecker implements Checker {

    private static final int MAX_BYTES = 64;

    private final CheckTransport transport;
    private final FileCheckSpec spec;

    public FileChecker(CheckTransport transport, FileCheckSpec spec) {
        this.transport = transport;
        this.spec = spec;
    }

    @Override
    public CompletionStage<CheckResult> check() {
        return CompletableFuture.supplyAsync(this::read, transport.blocking());
    }

    private CheckResult read() {
        long start = System.nanoTime();
        String text;
        try (var in = Files.newInputStream(spec.trackFile())) {
            text = new String(in.readNBytes(MAX_BYTES + 1), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return CheckResult.down("cannot read " + spec.trackFile() + ": " + e.getMessage(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
        return judge(text, Duration.ofNanos(System.nanoTime() - start));
    }

    CheckResult judge(String text, Duration took) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return CheckResult.down("not an integer in " + spec.trackFile(), took);
        }
        String reason = "value " + value;
        if (!spec.dynamic()) {
            return value == 0 ? CheckResult.up(reason, took) : CheckResult.down(reason, took);
        }
        long delta = (long) value * spec.weight() * (spec.reverse() ? -1 : 1);
        int clamped = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, delta));
        return new CheckResult(true, reason, took, WeightEffect.add(clamped));
    }
}
