package org.lvsd.healthcheck.icmp;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace made by a test (ip-netns(8)): loopback up with 198.51.100.9/32 and
 * 2001:db8::9/128 whose echo requests nftables drops on input, so they never answer. Code
 * passed to {@link #inside} runs on the calling thread switched into the namespace with
 * setns(2); sockets opened there stay in it. Needs root, ip and nft.
 */
public final class TestNamespace implements AutoCloseable {

    public static final String SILENT_V4 = "198.51.100.9";
    public static final String SILENT_V6 = "2001:db8::9";

    private interface Libc extends Library {
        Libc INSTANCE = Native.load("c", Libc.class);
        int O_RDONLY = 0;
        int CLONE_NEWNET = 0x40000000;

        int open(String path, int flags) throws LastErrorException;

        int setns(int fd, int nstype) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private final String name;

    private TestNamespace(String name) {
        this.name = name;
    }

    /** Why this test cannot run here, or null when it can. */
    public static String unavailable() {
        try {
            if (!Files.readString(Path.of("/proc/self/status")).matches("(?s).*\nUid:\\s+0\\s.*")) {
                return "needs root (network namespaces, nftables)";
            }
        } catch (IOException e) {
            return "cannot read /proc/self/status: " + e.getMessage();
        }
        for (String tool : List.of("/usr/sbin/ip", "/usr/sbin/nft")) {
            if (!Files.isExecutable(Path.of(tool))) {
                return tool + " is missing";
            }
        }
        return null;
    }

    public static TestNamespace create(String label) throws Exception {
        TestNamespace ns = new TestNamespace("lvsd-" + label + "-" + ProcessHandle.current().pid());
        sh("ip", "netns", "add", ns.name);
        try {
            ns.exec("ip", "link", "set", "lo", "up");
            ns.exec("ip", "addr", "add", SILENT_V4 + "/32", "dev", "lo");
            ns.exec("ip", "addr", "add", SILENT_V6 + "/128", "dev", "lo", "nodad");
            ns.exec("nft", "add table inet lvsd_test; "
                    + "add chain inet lvsd_test in { type filter hook input priority 0; }; "
                    + "add rule inet lvsd_test in ip daddr " + SILENT_V4
                    + " icmp type echo-request drop; "
                    + "add rule inet lvsd_test in ip6 daddr " + SILENT_V6
                    + " icmpv6 type echo-request drop");
        } catch (Exception e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** Runs a command inside the namespace; fails on a non-zero exit. */
    public void exec(String... command) throws Exception {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
        all.addAll(List.of(command));
        sh(all.toArray(String[]::new));
    }

    /** Runs {@code body} on this thread inside the namespace, then switches back. */
    public <T> T inside(Callable<T> body) throws Exception {
        Libc c = Libc.INSTANCE;
        int home = c.open("/proc/thread-self/ns/net", Libc.O_RDONLY);
        try {
            int target = c.open("/run/netns/" + name, Libc.O_RDONLY);
            try {
                c.setns(target, Libc.CLONE_NEWNET);
            } finally {
                c.close(target);
            }
            try {
                return body.call();
            } finally {
                c.setns(home, Libc.CLONE_NEWNET);
            }
        } finally {
            c.close(home);
        }
    }

    @Override
    public void close() throws Exception {
        sh("ip", "netns", "delete", name);
    }

    private static void sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String out;
        try (var stdout = p.getInputStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
    }
}
