package org.lvsd.ipvs.userspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The lvs-lab topology (packaging/lab/lvs-lab) for integration tests: namespaces NAME-client,
 * NAME-dir1, NAME-rs1, NAME-rs2 on a bridge, 198.51.100.0/24 (and 2001:db8::/64). Needs root.
 */
final class Lab implements AutoCloseable {
    static final String VIP = "198.51.100.100";
    static final String CLIENT = "198.51.100.10";
    static final String DIR1 = "198.51.100.2";
    static final String RS1 = "198.51.100.21";
    static final String RS2 = "198.51.100.22";
    static final String VIP6 = "2001:db8::100";
    static final String CLIENT6 = "2001:db8::10";
    static final String DIR16 = "2001:db8::2";
    static final String RS16 = "2001:db8::21";
    static final String RS26 = "2001:db8::22";

    private final String name;
    private final Path script;
    private final List<Process> processes = new ArrayList<>();

    private Lab(String name, Path script) {
        this.name = name;
        this.script = script;
    }

    /** Null when root, else why the lab tests cannot run. */
    private static String skipReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "lab integration tests need root (network namespaces); running as " + System.getProperty("user.name");
        }
        return null;
    }

    /**
     * The lab of test class {@code test}: aborts the class (the reason printed) when not root, else
     * creates lab PREFIX+pid so that parallel runs never collide.
     */
    static Lab upFor(Class<?> test, String prefix, boolean ipv6) throws IOException, InterruptedException {
        String skip = skipReason();
        if (skip != null) {
            System.out.println(test.getSimpleName() + " skipped: " + skip);
        }
        assumeTrue(skip == null, skip);
        return up(prefix + ProcessHandle.current().pid() % 100000, ipv6);
    }

    /** {@link #upFor(Class, String, boolean)} for IPv4 with the VIP on dir1's eth0. */
    static Lab upWithVip(Class<?> test, String prefix) throws IOException, InterruptedException {
        Lab lab = upFor(test, prefix, false);
        lab.exec("dir1", "ip", "addr", "add", VIP + "/32", "dev", "eth0");
        return lab;
    }

    /**
     * {@link #upFor(Class, String, boolean)} with IPv6 and {@link #VIP6} on dir1's eth0, deprecated
     * (preferred_lft 0): still served, never chosen as the source toward the servers.
     */
    static Lab upWithVip6(Class<?> test, String prefix) throws IOException, InterruptedException {
        Lab lab = upFor(test, prefix, true);
        lab.exec("dir1", "ip", "addr", "add", VIP6 + "/128", "dev", "eth0", "nodad", "preferred_lft", "0");
        return lab;
    }

    /** Closes {@code lab} unless it was never made (the class was skipped). */
    static void closeIfUp(Lab lab) throws IOException, InterruptedException {
        if (lab != null) {
            lab.close();
        }
    }

    /**
     * Creates the lab {@code name} (at most 24 characters), removing a stale one first, with
     * 2001:db8::/64 addresses too when {@code ipv6}.
     */
    private static Lab up(String name, boolean ipv6) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("user.dir")).resolve("../packaging/lab/lvs-lab").normalize();
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("lab script not found: " + script);
        }
        Lab lab = new Lab(name, script);
        lab.run(List.of(script.toString(), "down", name), 30);
        lab.run(ipv6 ? List.of(script.toString(), "up", name, "--ipv6") : List.of(script.toString(), "up", name), 60);
        return lab;
    }

    /** {@code lvs-lab realserver}: the VIP on the host's lo, with the ARP sysctls of LVS-DR. */
    void realserver(String host, String vip) throws IOException, InterruptedException {
        run(List.of(script.toString(), "realserver", name, host, vip), 30);
    }

    /**
     * {@code count} HTTP requests from the client to VIP:80 while dir1's eth0 is captured into
     * {@code pcap} (tcpdump filter {@code filter}); the response bodies, once the capture is written.
     */
    List<String> requestsCaptured(Path dir, Path pcap, String filter, int count) throws IOException,
            InterruptedException {
        return requestsCaptured(dir, pcap, filter, "http://" + VIP + "/", count);
    }

    /** {@link #requestsCaptured(Path, Path, String, int)} of {@code url} (an IPv6 host in brackets). */
    List<String> requestsCaptured(Path dir, Path pcap, String filter, String url, int count) throws IOException,
            InterruptedException {
        Process capture = spawn("dir1", dir.resolve("tcpdump.log"), "timeout", "60", "tcpdump", "-i", "eth0",
                "-n", "--immediate-mode", "-U", "-w", pcap.toString(), filter);
        Thread.sleep(1000);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(exec("client", "curl", "-gsS", "--max-time", "10", url));
        }
        Thread.sleep(1500);
        capture.destroy();
        assertTrue(capture.waitFor(10, TimeUnit.SECONDS));
        return bodies;
    }

    /** {@link #uploadToRs1(Path, String, int)} of 4,000,000 bytes. */
    long uploadToRs1(Path dir, String vip) throws IOException, InterruptedException {
        return uploadToRs1(dir, vip, 4_000_000);
    }

    /**
     * {@code bytes} bytes from the client to {@code vip}:5000 (busybox nc; the client's stack hands
     * its link 64 KiB segments) into a sink on rs1; the bytes the sink wrote, once it stopped
     * growing short of them after the client ended, or after 30 s. Prints the rate from the
     * client's start to the sink's last byte (a measurement, not asserted).
     */
    long uploadToRs1(Path dir, String vip, int bytes) throws IOException, InterruptedException {
        Path received = dir.resolve("upload-" + System.nanoTime());
        // the sink's stdin stays open: busybox nc stops reading the socket when its stdin ends
        spawn("rs1", dir.resolve("sink.log"), "sh", "-c", "sleep 60 | busybox nc -l -p 5000 > " + received);
        Thread.sleep(500);
        long start = System.nanoTime();
        Process upload = spawn("client", dir.resolve("upload.log"), "sh", "-c",
                "head -c " + bytes + " /dev/zero | busybox nc -w 3 " + vip + " 5000");
        long size = 0;
        long stillSince = System.nanoTime();
        for (int i = 0; i < 3000 && size < bytes; i++) {
            Thread.sleep(10);
            long now = Files.size(received);
            if (now != size) {
                size = now;
                stillSince = System.nanoTime();
            } else if (!upload.isAlive() && System.nanoTime() - stillSince > 1_000_000_000L) {
                break;
            }
        }
        long nanos = System.nanoTime() - start;
        if (size == bytes) {
            System.out.printf("uploaded %d bytes to %s in %d ms: %.1f MB/s%n", bytes, vip, nanos / 1_000_000,
                    bytes * 1e3 / nanos);
        }
        assertTrue(upload.waitFor(10, TimeUnit.SECONDS), "the upload did not end");
        assertEquals(0, upload.exitValue(), Files.readString(dir.resolve("upload.log")));
        return size;
    }

    /** The packets of {@code pcap} matching {@code filter}, one line each ({@code -q}) or verbose ({@code -v}). */
    String readCapture(Path pcap, String mode, String filter) throws IOException, InterruptedException {
        // tcpdump -r prints its "reading from file" line on stderr
        return exec("dir1", "sh", "-c", "tcpdump " + mode + " -n -r " + pcap + " '" + filter + "' 2>/dev/null");
    }

    /** Four bodies from nginx on rs1 and rs2 in round-robin order, each naming {@code source} as the peer. */
    static void assertRoundRobin(List<String> bodies, String source) {
        assertTrue(Set.of("rs1 " + source + "\n", "rs2 " + source + "\n").contains(bodies.get(0)), bodies.toString());
        assertNotEquals(bodies.get(0), bodies.get(1));
        assertEquals(List.of(bodies.get(0), bodies.get(1), bodies.get(0), bodies.get(1)), bodies);
    }

    String ns(String host) {
        return name + "-" + host;
    }

    /** Runs a command in a host's namespace and returns its standard output; fails on a non-zero exit. */
    String exec(String host, String... command) throws IOException, InterruptedException {
        return run(inNs(host, command), 60);
    }

    /** Exit code and output of a command in a host's namespace, bounded by {@code seconds}. */
    Result tryExec(String host, int seconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(inNs(host, command)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, new String(out, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    record Result(int exit, String output) {
    }

    /**
     * Starts a long-running process in a host's namespace, its output into {@code log}; it is
     * killed on {@link #close()}.
     */
    Process spawn(String host, Path log, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(inNs(host, command));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return track(pb.start());
    }

    /** Like {@link #spawn} with standard input and output left to the caller, errors into {@code log}. */
    Process spawnInteractive(String host, Path log, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(inNs(host, command));
        pb.redirectError(log.toFile());
        return track(pb.start());
    }

    private Process track(Process p) {
        processes.add(p);
        return p;
    }

    private List<String> inNs(String host, String... command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns(host)));
        cmd.addAll(List.of(command));
        return cmd;
    }

    private String run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(command + " exited " + p.exitValue() + ": " + text);
        }
        return text;
    }

    /** Kills what this lab started and deletes its namespaces. */
    @Override
    public void close() throws IOException, InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        run(List.of(script.toString(), "down", name), 30);
    }
}
