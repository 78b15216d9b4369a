package org.lvsd.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class AsyncLimiterTest {

    @Test
    void runsAtMostPermitsAtOnceAndStartsWaitersInOrder() {
        AsyncLimiter limiter = new AsyncLimiter(2, Runnable::run);
        List<CompletableFuture<String>> ops = new ArrayList<>();
        List<String> started = new ArrayList<>();
        List<CompletionStage<String>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CompletableFuture<String> op = new CompletableFuture<>();
            ops.add(op);
            String name = "op" + i;
            results.add(limiter.submit(() -> {
                started.add(name);
                return op;
            }));
        }
        assertEquals(List.of("op0", "op1"), started);
        assertEquals(2, limiter.running());
        assertEquals(2, limiter.waiting());
        ops.get(1).complete("b");
        assertEquals(List.of("op0", "op1", "op2"), started);
        assertEquals("b", results.get(1).toCompletableFuture().join());
        assertFalse(results.get(0).toCompletableFuture().isDone());
        ops.get(0).complete("a");
        ops.get(2).complete("c");
        ops.get(3).complete("d");
        assertEquals(List.of("op0", "op1", "op2", "op3"), started);
        assertEquals(0, limiter.running());
        assertEquals(0, limiter.waiting());
    }

    @Test
    void aThrowingOperationReleasesItsPermit() {
        AsyncLimiter limiter = new AsyncLimiter(1, Runnable::run);
        CompletionStage<String> failed = limiter.submit(() -> {
            throw new IllegalStateException("boom");
        });
        assertTrue(failed.toCompletableFuture().isCompletedExceptionally());
        assertEquals("ok", limiter.submit(() -> CompletableFuture.completedFuture("ok"))
                .toCompletableFuture().join());
        assertEquals(0, limiter.running());
    }
}
