package org.lvsd.healthcheck.check;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.WeightEffect;
import org.lvsd.healthcheck.spec.MiscCheckSpec;

/**
 * MISC_CHECK: runs the argument vector (no shell) with its output discarded. When
 * {@code misc_timeout} expires, the process and all its descendants are killed and the check
 * fails. Exit codes: 0 up; otherwise down, except with {@code misc_dynamic}: 1 down,
 * 2..255 up with weight exit-2. The process is started on the transport's blocking thread and
 * awaited asynchronously, so no event loop ever waits for it.
 */
public final class MiscChecker implements Checker {

    private final CheckTransport transport;
    private final MiscCheckSpec spec;

    public MiscChecker(CheckTransport transport, MiscCheckSpec spec) {
        this.transport = transport;
        this.spec = spec;
    }

    @Override
    public CompletionStage<CheckResult> check() {
        return transport.limited(this::runOnce);
    }

    private CompletionStage<CheckResult> runOnce() {
        long start = System.nanoTime();
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        transport.blocking().execute(() -> {
            Process p;
            try {
                p = new ProcessBuilder(spec.argv())
                        .redirectInput(Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(Redirect.DISCARD)
                        .redirectError(Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                result.complete(CheckResult.down("cannot start " + spec.argv().get(0) + ": "
                        + e.getMessage(), took(start)));
                return;
            }
            var timer = transport.group().schedule(() -> {
                if (p.isAlive()) {
                    result.complete(CheckResult.down("misc_timeout "
                            + Reasons.duration(spec.miscTimeout()) + " expired", took(start)));
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            }, spec.miscTimeout().toNanos(), TimeUnit.NANOSECONDS);
            p.onExit().thenAccept(done -> {
                timer.cancel(false);
                result.complete(judge(done.exitValue(), took(start)));
            });
        });
        return result;
    }

    private static Duration took(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Maps an exit code to a result (keepalived.conf(5), MISC_CHECK). */
    CheckResult judge(int exit, Duration took) {
        String reason = "exit " + exit;
        if (exit == 0) {
            return CheckResult.up(reason, took);
        }
        if (spec.dynamic() && exit >= 2 && exit <= 255) {
            return new CheckResult(true, reason, took, WeightEffect.set(exit - 2));
        }
        return CheckResult.down(reason, took);
    }
}
