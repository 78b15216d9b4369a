package org.lvsd.vrrp.io;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Collects a process's output lines on a thread and waits (bounded) for matching lines. */
final class LineWatcher {

    private final List<String> lines = new ArrayList<>();

    LineWatcher(InputStream stream, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (java.io.IOException e) {
                synchronized (lines) {
                    lines.add("<read error " + e.getMessage() + ">");
                }
            }
        }, "watch-" + name);
        t.setDaemon(true);
        t.start();
    }

    /** Waits up to {@code timeoutMillis} for a line matching {@code p}; returns it or null. */
    String await(Predicate<String> p, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (lines) {
            while (true) {
                for (String l : lines) {
                    if (p.test(l)) {
                        return l;
                    }
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return null;
                }
                lines.wait(left);
            }
        }
    }

    List<String> snapshot() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
