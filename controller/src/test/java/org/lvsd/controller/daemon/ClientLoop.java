package org.lvsd.controller.daemon;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A lab client sending one HTTP GET at a time to http://VIP/ (curl, 1 s connect and 3 s total
 * timeout) from a thread of its own until stopped or its deadline, recording each request's start,
 * end and answer (the body, trimmed: the server's name) or the failure.
 */
final class ClientLoop {

    /** One request: {@code answer} is the server's name when {@link #ok()}, else curl's error text. */
    record Request(Instant started, Instant ended, String answer) {
        boolean ok() {
            return Set.of("rs1", "rs2").contains(answer);
        }
    }

    private final Lab lab;
    private final Instant deadline;
    private final List<Request> requests = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    ClientLoop(Lab lab, Duration atMost) {
        this.lab = lab;
        this.deadline = Instant.now().plus(atMost);
        this.thread = new Thread(this::run, "client-loop");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running && Instant.now().isBefore(deadline)) {
            Instant start = Instant.now();
            String answer;
            try {
                answer = lab.exec("client", "curl", "-sS", "--connect-timeout", "1", "--max-time", "3",
                        "http://" + Lab.VIP + "/").trim();
            } catch (IOException e) {
                answer = "exec failed: " + e.getMessage();
            }
            synchronized (requests) {
                requests.add(new Request(start, Instant.now(), answer));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    List<Request> all() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests started at or after {@code from}. */
    List<Request> since(Instant from) {
        return all().stream().filter(r -> !r.started().isBefore(from)).toList();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
