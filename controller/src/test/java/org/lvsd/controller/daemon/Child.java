package org.lvsd.controller.daemon;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.lvsd.controller.testsupport.OutputLines;

/** A lab process: its output lines collected, signals by pid (ip netns exec execs the command). */
final class Child {

    private final String label;
    private final Process process;
    private final OutputLines output;

    Child(String label, Process process) {
        this.label = label;
        this.process = process;
        this.output = new OutputLines(label, process.getInputStream());
    }

    List<String> lines() {
        return output.lines();
    }

    /** Waits (bounded) until a line matches. */
    void await(Predicate<String> p, Duration atMost) {
        try {
            Awaitility.await(label + " output").atMost(atMost).pollInterval(Duration.ofMillis(20))
                    .until(() -> lines().stream().anyMatch(p));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no expected line within " + atMost + "\n" + dump(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    void signal(String sig) throws IOException {
        Lab.run(List.of("kill", "-" + sig, Long.toString(process.pid())));
    }

    /** The exit status, waiting at most {@code atMost}; -1 if still running. */
    int waitExit(Duration atMost) throws InterruptedException {
        return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    String dump() {
        return "--- " + label + " ---\n" + String.join("\n", lines());
    }
}
