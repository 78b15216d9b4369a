package org.lvsd.vrrp.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces made for one test ({@code lvsdit-ka-PID}, {@code lvsdit-j-PID}) joined by a
 * veth pair created inside them: eth0 with 02:51:00:00:00:02 / 198.51.100.2/24 on the
 * keepalived side and 02:51:00:00:00:03 / 198.51.100.3/24 on the lvsd side (plus
 * 2001:db8::2/64 and ::3/64, link-locals fe80::51:ff:fe00:2 and :3, DAD off). Nothing touches
 * the root namespace; {@link #close()} kills what the test started in them and deletes them.
 */
final class NamespaceLab implements AutoCloseable {

    // The test JVM's pid keeps concurrent runs (several checkouts on one machine) apart.
    static final String KA = "lvsdit-ka-" + ProcessHandle.current().pid();
    static final String LVSD = "lvsdit-j-" + ProcessHandle.current().pid();

    /** Why the lab cannot run here, or null when it can. */
    static String unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "needs root for network namespaces";
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/keepalived"))) {
            return "keepalived is not installed (Debian package keepalived)";
        }
        return null;
    }

    NamespaceLab() throws IOException {
        close();
        run("ip", "netns", "add", KA);
        run("ip", "netns", "add", LVSD);
        for (String ns : List.of(KA, LVSD)) {
            run("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
            // No duplicate address detection: link-local and test addresses are usable at once.
            run("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0");
            run("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0");
        }
        run("ip", "netns", "exec", KA, "ip", "link", "add", "eth0", "address", "02:51:00:00:00:02", "type", "veth",
                "peer", "name", "eth0", "address", "02:51:00:00:00:03", "netns", LVSD);
        run("ip", "netns", "exec", KA, "ip", "addr", "add", "198.51.100.2/24", "dev", "eth0");
        run("ip", "netns", "exec", LVSD, "ip", "addr", "add", "198.51.100.3/24", "dev", "eth0");
        run("ip", "netns", "exec", KA, "ip", "addr", "add", "2001:db8::2/64", "dev", "eth0", "nodad");
        run("ip", "netns", "exec", LVSD, "ip", "addr", "add", "2001:db8::3/64", "dev", "eth0", "nodad");
        run("ip", "netns", "exec", KA, "ip", "link", "set", "eth0", "up");
        run("ip", "netns", "exec", LVSD, "ip", "link", "set", "eth0", "up");
    }

    /** The addresses (with prefix length) on eth0 of {@code ns}. */
    static List<String> addresses(String ns) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : run("ip", "netns", "exec", ns, "ip", "-o", "addr", "show", "dev", "eth0")) {
            String[] f = line.trim().split("\\s+");
            out.add(f[3]);
        }
        return out;
    }

    /** Runs a short command (bounded to 10 s); returns its output lines, fails on non-zero exit. */
    static List<String> run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + lines);
        }
        return lines;
    }

    @Override
    public void close() {
        for (String ns : List.of(KA, LVSD)) {
            try {
                for (String pid : run("ip", "netns", "pids", ns)) {
                    ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
                }
                run("ip", "netns", "del", ns);
            } catch (IOException | NumberFormatException e) {
                // Namespace absent: nothing to clean.
            }
        }
    }
}
