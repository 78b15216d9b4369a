package org.lvsd.controller.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** A lab process: its output lines collected, signals by pid (ip netns exec execs the command). */
final class Child {

    private final String label;
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    Child(String label, Process process) {
        this.label = label;
        this.process = process;
        Thread reader = new Thread(this::read, "out-" + label);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            synchronized (lines) {
                lines.add("(output closed: " + e.getMessage() + ")");
            }
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
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
