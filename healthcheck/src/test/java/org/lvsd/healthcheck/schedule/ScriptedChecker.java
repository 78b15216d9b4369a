package org.lvsd.healthcheck.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.Checker;

/** A checker that answers from a script and records when it was run. */
final class ScriptedChecker implements Checker {

    private final ManualScheduler clock;
    private final Deque<Boolean> script = new ArrayDeque<>();
    private final List<Instant> runs = new ArrayList<>();
    private boolean fallback;

    ScriptedChecker(ManualScheduler clock, boolean fallback) {
        this.clock = clock;
        this.fallback = fallback;
    }

    ScriptedChecker then(boolean... results) {
        for (boolean r : results) {
            script.add(r);
        }
        return this;
    }

    void always(boolean value) {
        fallback = value;
    }

    List<Instant> runs() {
        return runs;
    }

    @Override
    public CompletionStage<CheckResult> check() {
        runs.add(clock.now());
        boolean ok = script.isEmpty() ? fallback : script.poll();
        return CompletableFuture.completedFuture(ok
                ? CheckResult.up("ok", Duration.ZERO)
                : CheckResult.down("connection refused", Duration.ZERO));
    }
}
