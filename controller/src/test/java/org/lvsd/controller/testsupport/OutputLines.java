package org.lvsd.controller.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process's output, read line by line on a daemon thread of its own as it comes; a read
 * error becomes a last line saying so. Safe to read from any thread.
 */
public final class OutputLines {

    private final List<String> lines = new ArrayList<>();

    /** Starts reading {@code out} (named {@code label} in the reader thread's name). */
    public OutputLines(String label, InputStream out) {
        Thread reader = new Thread(() -> read(out), "out-" + label);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                add(line);
            }
        } catch (IOException e) {
            add("(output closed: " + e.getMessage() + ")");
        }
    }

    /** Appends a line of the test's own (e.g. a note that something did not come). */
    public void add(String line) {
        synchronized (lines) {
            lines.add(line);
        }
    }

    /** The lines so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
