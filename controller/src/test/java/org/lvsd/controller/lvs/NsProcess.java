package org.lvsd.controller.lvs;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.lvsd.controller.testsupport.OutputLines;

/**
 * A program a kernel test runs in its namespace ({@code ip netns exec NS CMD...}, which execs, so
 * the process is the program itself and {@link #term()} is a real SIGTERM to it), with its output
 * (stdout and stderr together) collected line by line.
 */
final class NsProcess implements AutoCloseable {

    private final String label;
    private final Process process;
    private final boolean java;
    private final OutputLines output;

    NsProcess(String label, List<String> cmd) throws IOException {
        this.label = label;
        this.java = cmd.stream().anyMatch(c -> c.endsWith("/bin/java"));
        this.process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        this.output = new OutputLines(label, process.getInputStream());
    }

    List<String> lines() {
        return output.lines();
    }

    /** How many lines were printed so far: a mark for {@link #awaitAfter}. */
    int mark() {
        return output.lines().size();
    }

    /** Waits (bounded) until an output line matches. */
    void await(Predicate<String> p, Duration atMost) {
        awaitAfter(0, p, atMost);
    }

    /** Waits (bounded) until an output line after the first {@code mark} lines matches. */
    void awaitAfter(int mark, Predicate<String> p, Duration atMost) {
        try {
            Awaitility.await(label + " output").atMost(atMost).pollInterval(Duration.ofMillis(200))
                    .until(() -> lines().stream().skip(mark).anyMatch(p));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no expected line from " + label + " within " + atMost + "\n" + dump(), e);
        }
    }

    /** Whether the program is a JVM. */
    boolean isJava() {
        return java;
    }

    /** SIGTERM (what {@link Process#destroy()} sends on Linux). */
    void term() {
        process.destroy();
    }

    /** The exit status, waiting at most {@code atMost}; -1 if still running. */
    int waitExit(Duration atMost) throws InterruptedException {
        return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    String dump() {
        return "--- " + label + " ---\n" + String.join("\n", lines());
    }

    /**
     * For a JVM: SIGQUIT, which makes it print its threads' stacks (on its stdout, so into
     * {@link #dump()}), then waits (bounded) for the dump's end.
     */
    void requestThreadDump() throws IOException, InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
        try {
            Awaitility.await(label + " thread dump").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> lines().stream().anyMatch(l -> l.startsWith("JNI global refs")));
        } catch (ConditionTimeoutException e) {
            output.add("(no complete thread dump within 20 s)");
        }
    }

    /** SIGKILL when still running. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
