package org.lvsd.controller.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's namespace lab ({@code packaging/lab/lvs-lab}): client .10, dir1 .2, dir2 .3 on a
 * bridge in {@code NAME-lan}; MACs 02:51:00:00:00:NN. Every command is bounded (10 s).
 */
final class Lab implements AutoCloseable {

    static final String VIP = "198.51.100.100";
    static final String VIP6 = "2001:db8::100";
    private static final Pattern MAC = Pattern.compile("\\[([0-9A-Fa-f:]{17})\\]");
    private static final Pattern LLADDR = Pattern.compile("lladdr ([0-9a-f:]{17})");

    private final String name;

    /** The lab {@code name-PID}: checkouts testing side by side on one machine never share one. */
    Lab(String name, boolean ipv6) throws IOException {
        this.name = name + "-" + ProcessHandle.current().pid();
        run(List.of(script().toString(), "down", this.name));
        List<String> up = new ArrayList<>(List.of(script().toString(), "up", this.name));
        if (ipv6) {
            up.add("--ipv6");
        }
        run(up);
    }

    /** Why lab tests cannot run here, or null. */
    static String unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "needs root for network namespaces";
        }
        if (!Files.isExecutable(script())) {
            return "lab script not found: " + script();
        }
        return null;
    }

    static Path script() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path fromModule = here.resolve("../packaging/lab/lvs-lab").normalize();
        return Files.exists(fromModule) ? fromModule : here.resolve("packaging/lab/lvs-lab");
    }

    static String mac(String host) {
        return host.equals("dir1") ? "02:51:00:00:00:02" : host.equals("dir2") ? "02:51:00:00:00:03" : "?";
    }

    String ns(String host) {
        return name + "-" + host;
    }

    /** Runs {@code cmd} in {@code host}'s namespace; its output. */
    String exec(String host, String... cmd) throws IOException {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns(host)));
        c.addAll(List.of(cmd));
        return run(c);
    }

    /** Like {@link #exec}, failing on a non-zero exit status. */
    void execOk(String host, String... cmd) throws IOException {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns(host)));
        c.addAll(List.of(cmd));
        Process p = spawn(c);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(c + " exited " + p.exitValue() + ": " + out);
        }
    }

    /** Whether eth0 of {@code host} holds {@code vip}. */
    boolean hasVip(String host, String vip) throws IOException {
        return List.of(exec(host, "ip", "-o", "addr", "show", "dev", "eth0").split("\\s+")).stream()
                .anyMatch(w -> w.startsWith(vip + "/"));
    }

    /** The MAC answering the client's ARP request (IPv4) or neighbour solicitation (IPv6) for {@code vip}. */
    Optional<String> answerFor(String vip) throws IOException {
        if (!vip.contains(":")) {
            Matcher m = MAC.matcher(exec("client", "arping", "-c", "1", "-w", "1", "-I", "eth0", vip));
            return m.find() ? Optional.of(m.group(1).toLowerCase()) : Optional.empty();
        }
        // No ping here: one UDP datagram makes the client solicit the VIP's neighbour entry.
        exec("client", "ip", "-6", "neigh", "flush", "dev", "eth0");
        exec("client", "bash", "-c", "echo x > /dev/udp/" + vip + "/9");
        for (int i = 0; i < 20; i++) {
            Matcher m = LLADDR.matcher(exec("client", "ip", "-6", "neigh", "show", vip));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
            sleep(50);
        }
        return Optional.empty();
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Starts a process in {@code host}'s namespace, output merged. */
    Child start(String label, String host, List<String> cmd) throws IOException {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns(host)));
        c.addAll(cmd);
        return new Child(label, new ProcessBuilder(c).redirectErrorStream(true).start());
    }

    @Override
    public void close() throws IOException {
        run(List.of(script().toString(), "down", name));
    }

    static String run(List<String> cmd) throws IOException {
        return new String(spawn(cmd).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Runs {@code cmd} to its end (at most 10 s); its output stays readable. */
    private static Process spawn(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + cmd);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        }
        return p;
    }
}
