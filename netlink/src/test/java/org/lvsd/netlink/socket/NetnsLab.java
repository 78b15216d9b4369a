package org.lvsd.netlink.socket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Test lab: a network namespace {@code lvsdtest-nl-<random>} made with {@code ip netns add} and
 * deleted on close. Commands run with {@code ip -n NS ...} only; the root namespace is never
 * changed. Tests using it skip (with a printed reason) when not root.
 */
public final class NetnsLab implements AutoCloseable {
    public final String name = "lvsdtest-nl-" + UUID.randomUUID().toString().substring(0, 8);

    private NetnsLab() throws IOException {
        ip("netns", "add", name);
    }

    /** Creates the namespace, or skips the test (printing why) when the effective uid is not 0. */
    public static NetnsLab create() throws IOException {
        String euid = effectiveUid();
        boolean root = "0".equals(euid);
        if (!root) {
            System.out.println("SKIPPED: netlink namespace IT needs root, effective uid is " + euid);
        }
        Assumptions.assumeTrue(root, "needs root to create network namespaces");
        return new NetnsLab();
    }

    /** The effective uid from /proc/self/status ("Uid: real effective saved fs"). */
    private static String effectiveUid() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return line.substring(4).trim().split("\\s+")[1];
            }
        }
        throw new IOException("no Uid line in /proc/self/status");
    }

    /** The namespace file for setns(2). */
    public Path file() {
        return Path.of("/run/netns", name);
    }

    /** Runs {@code ip -n NS args...} and returns its stdout; fails on a non-zero exit. */
    public String ipIn(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("-n", name));
        cmd.addAll(List.of(args));
        return ip(cmd.toArray(String[]::new));
    }

    private static String ip(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timeout: " + cmd);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(cmd + " exited " + p.exitValue() + ": " + out);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        ip("netns", "del", name);
    }
}
