package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One director of the lab running lvsd (a child JVM of this test's class path, main class
 * {@code org.lvsd.controller.cli.Lvsd -n -l -f CONF}) or keepalived ({@code keepalived -P -n -l -D
 * -f CONF -p PID -r VRRP_PID -c CHECK_PID}), with the VRRP states it entered (INIT left out) in
 * its current run.
 */
final class Director {

    enum Kind { LVSD, KEEPALIVED }

    private static final Pattern LVSD_STATE = Pattern.compile("VrrpInstance: VI_1: \\w+ -> (\\w+) \\(");
    private static final Pattern KA_STATE = Pattern.compile("\\(VI_1\\) Entering (\\w+) STATE");

    private final Lab lab;
    private final Kind kind;
    private final String host;
    private final Path dir;
    private final List<Child> runs = new ArrayList<>();

    Director(Lab lab, Kind kind, String host, Path dir) {
        this.lab = lab;
        this.kind = kind;
        this.host = host;
        this.dir = dir;
    }

    String host() {
        return host;
    }

    Kind kind() {
        return kind;
    }

    void start(String conf) throws IOException {
        int run = runs.size();
        Path file = dir.resolve(host + "-" + run + ".conf");
        Files.writeString(file, conf);
        List<String> cmd;
        if (kind == Kind.LVSD) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            cmd = List.of(java, "-cp", System.getProperty("java.class.path"), "org.lvsd.controller.cli.Lvsd",
                    "-n", "-l", "-f", file.toString());
        } else {
            String p = dir.resolve(host + "-" + run).toString();
            cmd = List.of("keepalived", "-P", "-n", "-l", "-D", "-f", file.toString(), "-p", p + ".pid",
                    "-r", p + ".vrrp.pid", "-c", p + ".check.pid");
        }
        runs.add(lab.start(kind + "-" + host, host, cmd));
    }

    Child current() {
        return runs.get(runs.size() - 1);
    }

    /** States entered in the current run, INIT left out: e.g. [BACKUP, MASTER]. */
    List<String> entered() {
        return entered(kind == Kind.LVSD ? LVSD_STATE : KA_STATE);
    }

    /** Waits (bounded) until the current run has entered exactly {@code states}. */
    void awaitEntered(Duration atMost, String... states) {
        awaitEntered(host + " states", this::entered, atMost, states);
    }

    /** SIGTERM; the daemon must exit with status 0 within 10 s. */
    void term() throws IOException, InterruptedException {
        current().signal("TERM");
        assertEquals(0, current().waitExit(Duration.ofSeconds(10)), current().dump());
    }

    /** A real crash: SIGSTOP then SIGKILL of every process in the namespace, then eth0 down. */
    void crash() throws IOException, InterruptedException {
        List<String> pids = List.of(Lab.run(List.of("ip", "netns", "pids", lab.ns(host))).trim().split("\\s+"));
        for (String sig : List.of("STOP", "KILL")) {
            List<String> cmd = new ArrayList<>(List.of("kill", "-" + sig));
            cmd.addAll(pids);
            Lab.run(cmd);
        }
        current().waitExit(Duration.ofSeconds(5));
        linkDown();
    }

    void linkDown() throws IOException {
        lab.exec(host, "ip", "link", "set", "eth0", "down");
    }

    void linkUp() throws IOException {
        lab.exec(host, "ip", "link", "set", "eth0", "up");
    }

    void kill() throws InterruptedException {
        for (Child c : runs) {
            c.kill();
        }
    }

    String dump() {
        StringBuilder b = new StringBuilder();
        for (Child c : runs) {
            b.append(c.dump()).append('\n');
        }
        return b.toString();
    }

    /** lvsd only: the states {@code instance} entered in the current run, INIT left out. */
    List<String> entered(String instance) {
        return entered(Pattern.compile("VrrpInstance: " + Pattern.quote(instance) + ": \\w+ -> (\\w+) \\("));
    }

    /** lvsd only: waits (bounded) until {@code instance} has entered exactly {@code states}. */
    void awaitEntered(String instance, Duration atMost, String... states) {
        awaitEntered(host + " " + instance + " states", () -> entered(instance), atMost, states);
    }

    /** The states (group 1 of {@code transition}) entered in the current run, INIT left out. */
    private List<String> entered(Pattern transition) {
        List<String> out = new ArrayList<>();
        for (String line : current().lines()) {
            Matcher m = transition.matcher(line);
            if (m.find() && !m.group(1).equals("INIT")) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private void awaitEntered(String what, Supplier<List<String>> entered, Duration atMost, String... states) {
        try {
            Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(20))
                    .until(() -> entered.get().equals(List.of(states)));
        } catch (ConditionTimeoutException e) {
            assertEquals(List.of(states), entered.get(), current().dump());
        }
    }

    /** The configuration file of the current run (rewrite it, then SIGHUP, to reload). */
    Path confFile() {
        return dir.resolve(host + "-" + (runs.size() - 1) + ".conf");
    }
}
