package org.lvsd.vrrp.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.lvsd.vrrp.testlab.Netns;

/**
 * Two network namespaces made for one test ({@code lvsdit-ka-PID}, {@code lvsdit-j-PID}) joined by a
 * veth pair created inside them: eth0 with 02:51:00:00:00:02 / 198.51.100.2/24 on the
 * keepalived side and 02:51:00:00:00:03 / 198.51.100.3/24 on the lvsd side (plus
 * 2001:db8::2/64 and ::3/64, link-locals fe80::51:ff:fe00:2 and :3, DAD off). Nothing touches
 * the root namespace; {@link #close()} stops keepalived, kills what else the test started in them
 * and deletes them.
 */
final class NamespaceLab implements AutoCloseable {

    private static final String KA_PREFIX = "lvsdit-ka";
    private static final String LVSD_PREFIX = "lvsdit-j";
    /** The namespaces' names: {@link Netns} appends the test JVM's pid. */
    static final String KA = KA_PREFIX + "-" + ProcessHandle.current().pid();
    static final String LVSD = LVSD_PREFIX + "-" + ProcessHandle.current().pid();

    /** Why the lab cannot run here, or null when it can. */
    static String unavailableReason() {
        String noNetns = Netns.unavailableReason();
        if (noNetns != null) {
            return noNetns;
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/keepalived"))) {
            return "keepalived is not installed (Debian package keepalived)";
        }
        return null;
    }

    private final Netns ka;
    private final Netns lvsd;
    /** Where keepalived's configuration and pid files go; deleted by {@link #close()}. */
    private final Path dir;
    private Process keepalived;

    NamespaceLab() throws IOException {
        ka = new Netns(KA_PREFIX);
        try {
            lvsd = new Netns(LVSD_PREFIX);
        } catch (IOException | RuntimeException e) {
            ka.close();
            throw e;
        }
        try {
            ka.exec("ip", "link", "add", "eth0", "address", "02:51:00:00:00:02", "type", "veth",
                    "peer", "name", "eth0", "address", "02:51:00:00:00:03", "netns", LVSD);
            ka.exec("ip", "addr", "add", "198.51.100.2/24", "dev", "eth0");
            lvsd.exec("ip", "addr", "add", "198.51.100.3/24", "dev", "eth0");
            ka.exec("ip", "addr", "add", "2001:db8::2/64", "dev", "eth0", "nodad");
            lvsd.exec("ip", "addr", "add", "2001:db8::3/64", "dev", "eth0", "nodad");
            ka.exec("ip", "link", "set", "eth0", "up");
            lvsd.exec("ip", "link", "set", "eth0", "up");
            dir = Files.createTempDirectory("lvsdit");
        } catch (IOException | RuntimeException e) {
            lvsd.close();
            ka.close();
            throw e;
        }
    }

    /** A keepalived started in {@link #KA}; {@code log} watches its output. */
    record Keepalived(Process process, LineWatcher log) {
    }

    /**
     * Starts keepalived in {@link #KA} (foreground, VRRP only, logging to its output) on a
     * configuration of router_id lvsdit and one instance VI_1 on eth0, virtual router 61, state
     * BACKUP, plus {@code instanceLines}. A keepalived started before is stopped first.
     */
    Keepalived startKeepalived(List<String> instanceLines) throws IOException {
        stopKeepalived();
        List<String> conf = new ArrayList<>(List.of("global_defs {", "    router_id lvsdit", "}",
                "vrrp_instance VI_1 {", "    interface eth0", "    state BACKUP", "    virtual_router_id 61"));
        conf.addAll(instanceLines);
        conf.addAll(List.of("}", ""));
        Path file = dir.resolve("keepalived.conf");
        Files.writeString(file, String.join("\n", conf));
        keepalived = new ProcessBuilder("ip", "netns", "exec", KA, "keepalived", "-P", "-n", "-l", "-D",
                "-f", file.toString(), "-p", dir.resolve("ka.pid").toString(), "-r", dir.resolve("vrrp.pid").toString(),
                "-c", dir.resolve("check.pid").toString()).redirectErrorStream(true).start();
        return new Keepalived(keepalived, new LineWatcher(keepalived.getInputStream(), "keepalived"));
    }

    private void stopKeepalived() {
        if (keepalived != null && keepalived.isAlive()) {
            keepalived.destroy();
            try {
                if (!keepalived.waitFor(5, TimeUnit.SECONDS)) {
                    keepalived.destroyForcibly();
                }
            } catch (InterruptedException e) {
                keepalived.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Polls (bounded, 5 s) until {@code vip} is present or absent on eth0 of {@code ns}; {@code log} explains a failure. */
    static void awaitVip(String ns, String vip, boolean present, Supplier<String> log)
            throws IOException, InterruptedException {
        List<String> addresses = List.of();
        for (int i = 0; i < 50; i++) {
            addresses = addresses(ns);
            if (addresses.contains(vip) == present) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("VIP " + vip + (present ? " missing from " : " still on ") + ns + ": " + addresses
                + "\n" + log.get());
    }

    /** The addresses (with prefix length) on eth0 of {@code ns}. */
    private static List<String> addresses(String ns) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Netns.run("ip", "netns", "exec", ns, "ip", "-o", "addr", "show", "dev", "eth0")) {
            String[] f = line.trim().split("\\s+");
            out.add(f[3]);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        stopKeepalived();
        lvsd.close();
        ka.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
