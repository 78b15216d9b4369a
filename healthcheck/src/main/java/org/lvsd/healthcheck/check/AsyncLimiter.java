package org.lvsd.healthcheck.check;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A non-blocking semaphore: at most {@code permits} operations run at once, the rest wait in
 * FIFO order. Nobody blocks; a finishing operation hands its permit to the next waiting one,
 * which starts on {@code dispatch} (so that a long queue of operations that finish at once
 * never recurses down one stack).
 */
final class AsyncLimiter {

    private final int permits;
    private final Executor dispatch;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;

    AsyncLimiter(int permits, Executor dispatch) {
        this.permits = permits;
        this.dispatch = dispatch;
    }

    synchronized int running() {
        return running;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    /** Runs {@code op} when a permit is free; the permit is released when its stage ends. */
    <T> CompletionStage<T> submit(Supplier<CompletionStage<T>> op) {
        CompletableFuture<T> out = new CompletableFuture<>();
        Runnable start = () -> {
            CompletionStage<T> stage;
            try {
                stage = op.get();
            } catch (RuntimeException e) {
                release();
                out.completeExceptionally(e);
                return;
            }
            stage.whenComplete((v, e) -> {
                release();
                if (e != null) {
                    out.completeExceptionally(e);
                } else {
                    out.complete(v);
                }
            });
        };
        boolean now;
        synchronized (this) {
            now = running < permits;
            if (now) {
                running++;
            } else {
                waiting.add(start);
            }
        }
        if (now) {
            start.run();
        }
        return out;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
                return;
            }
        }
        dispatch.execute(next);
    }
}
