package org.lvsd.packaging;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A network namespace of the test's own (lo up), deleted by {@link #close()}. */
final class Netns implements AutoCloseable {

    private final String name;

    private Netns(String name) {
        this.name = name;
        Command.ok("ip", "netns", "add", name);
        Command.ok("ip", "-n", name, "link", "set", "lo", "up");
    }

    /** Skips the calling test, saying why, unless it runs as root with ip(8). */
    static void assumeRoot(String testName) {
        String reason = null;
        if (!Command.available("ip")) {
            reason = "ip (iproute2) is not installed";
        } else if (!Command.ok("id", "-u").strip().equals("0")) {
            reason = "needs root for network namespaces";
        }
        if (reason != null) {
            System.out.println(testName + " skipped: " + reason);
        }
        assumeTrue(reason == null, reason);
    }

    static Netns create(String prefix) {
        return new Netns(prefix + "-" + ProcessHandle.current().pid());
    }

    Command.Result exec(Map<String, String> env, String... argv) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
        all.addAll(List.of(argv));
        return Command.run(env, all);
    }

    String ok(String... argv) {
        Command.Result r = exec(Map.of(), argv);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", argv) + " in " + name + " failed: " + r.describe());
        }
        return r.out();
    }

    @Override
    public void close() {
        Command.run("ip", "netns", "del", name);
    }
}
