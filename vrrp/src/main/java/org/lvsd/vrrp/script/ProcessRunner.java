package org.lvsd.vrrp.script;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command as argv (no shell), stdin closed and output discarded, and waits for it at
 * most {@code timeout}; a command still running then is killed with every descendant (SIGKILL).
 * Blocks the calling thread: call it from a worker, never from a state machine.
 */
public final class ProcessRunner {

    private ProcessRunner() {
    }

    public static ProcessResult run(List<String> argv, Duration timeout) {
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException | RuntimeException e) {
            return new ProcessResult(argv, ProcessResult.Outcome.NOT_STARTED, -1, since(start), e.getMessage());
        }
        try {
            p.getOutputStream().close();
            if (p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return new ProcessResult(argv, ProcessResult.Outcome.EXITED, p.exitValue(), since(start), "");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // stdin already closed by the child: nothing to do.
        }
        if (!p.isAlive()) {
            return new ProcessResult(argv, ProcessResult.Outcome.EXITED, p.exitValue(), since(start), "");
        }
        killTree(p.toHandle());
        return new ProcessResult(argv, ProcessResult.Outcome.TIMED_OUT, -1, since(start), "");
    }

    /**
     * SIGKILL to the process and to every descendant found just before (after the kill they are
     * re-parented and no longer found), then a bounded wait for the process to be reaped.
     */
    static void killTree(ProcessHandle root) {
        List<ProcessHandle> tree = root.descendants().toList();
        root.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        root.onExit().orTimeout(1, TimeUnit.SECONDS).exceptionally(t -> root).join();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
