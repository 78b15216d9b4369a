package org.lvsd.controller.lvs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.genl.GenlFamilies;
import org.lvsd.netlink.socket.NetlinkSocket;

/**
 * The kernel daemon tests' lab: a director namespace {@code lvsdk-PID-N-dir} (eth0
 * 198.51.100.2/24; IPVS tables are per namespace, so no other table is ever touched) joined by a
 * veth pair to a real-server namespace {@code lvsdk-PID-N-rs} (eth0 198.51.100.21/24 and .22/24),
 * where the test's {@link RealServerListener}s listen. Programs run in the director namespace;
 * the real {@code ipvsadm} there is the oracle. Skips the test, printing why, when not root, when
 * the kernel has no IPVS (the normal case outside packaging/kvm's VM) or when ipvsadm is missing.
 */
final class KernelNetns implements AutoCloseable {

    static final String RS1 = "198.51.100.21";
    static final String RS2 = "198.51.100.22";
    private static final AtomicInteger LABS = new AtomicInteger();
    /** Generous: the VM emulates the CPU (TCG), 10-25x slower than the host. */
    private static final long COMMAND_SECONDS = 120;

    final String director;
    final String realServers;
    private final List<NsProcess> processes = new ArrayList<>();
    private final List<RealServerListener> listeners = new ArrayList<>();

    private KernelNetns() throws IOException {
        String name = "lvsdk-" + ProcessHandle.current().pid() + "-" + LABS.incrementAndGet();
        director = name + "-dir";
        realServers = name + "-rs";
        run("ip", "netns", "add", director);
        try {
            run("ip", "netns", "add", realServers);
            for (String ns : List.of(director, realServers)) {
                run("ip", "-n", ns, "link", "set", "lo", "up");
                run("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1");
            }
            run("ip", "-n", director, "link", "add", "eth0", "type", "veth", "peer", "name", "eth0", "netns", realServers);
            run("ip", "-n", director, "address", "add", "198.51.100.2/24", "dev", "eth0");
            run("ip", "-n", realServers, "address", "add", RS1 + "/24", "dev", "eth0");
            run("ip", "-n", realServers, "address", "add", RS2 + "/24", "dev", "eth0");
            run("ip", "-n", director, "link", "set", "eth0", "up");
            run("ip", "-n", realServers, "link", "set", "eth0", "up");
        } catch (IOException | RuntimeException e) {
            delete();
            throw e;
        }
    }

    /** A lab, or a skipped test when this machine cannot host one. */
    static KernelNetns create() throws IOException {
        String euid = effectiveUid();
        if (!"0".equals(euid)) {
            skip("kernel IPVS tests need root, effective uid is " + euid);
        }
        try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_GENERIC)) {
            if (new GenlFamilies(s).resolve("IPVS").isEmpty()) {
                skip("this kernel has no generic netlink family IPVS (run them in the VM: ./mvnw -Pkernel-vm verify)");
            }
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/ipvsadm"))) {
            skip("ipvsadm, the oracle, is not installed (Debian package ipvsadm)");
        }
        return new KernelNetns();
    }

    static void skip(String why) {
        System.out.println("SKIPPED: " + why);
        Assumptions.abort(why);
    }

    /** Starts listening on {@code address:port} in the real-server namespace. */
    RealServerListener listen(String address, int port) throws IOException {
        RealServerListener l = RealServerListener.open(Path.of("/run/netns", realServers), address, port);
        listeners.add(l);
        return l;
    }

    /** {@code ipvsadm args...} in the director namespace: its output; fails on a non-zero exit. */
    String ipvsadm(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", director, "ipvsadm"));
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    /** Starts {@code cmd} in the director namespace. */
    NsProcess start(String label, List<String> cmd) throws IOException {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", director));
        c.addAll(cmd);
        NsProcess p = new NsProcess(label, c);
        processes.add(p);
        return p;
    }

    /**
     * A JVM of this test's class path running {@code mainClass}, with this JVM's {@code -XX}
     * options (packaging/kvm/kernel-tests.sh passes the ones that make the JVM faster under TCG).
     */
    static List<String> java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-XX:"))
                .forEach(cmd::add);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static void run(String... cmd) throws IOException {
        exec(List.of(cmd));
    }

    private static String exec(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timeout: " + cmd);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(cmd + " exited " + p.exitValue() + ": " + out);
        }
        return out;
    }

    private static String effectiveUid() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return line.substring(4).trim().split("\\s+")[1];
            }
        }
        throw new IOException("no Uid line in /proc/self/status");
    }

    /**
     * Output of every program started here, for failure messages; each JVM still running
     * (started by {@link #java}) first prints its threads' stacks.
     */
    String dumps() {
        StringBuilder b = new StringBuilder();
        for (NsProcess p : processes) {
            if (p.isJava()) {
                try {
                    p.requestThreadDump();
                } catch (IOException e) {
                    b.append("(thread dump failed: ").append(e.getMessage()).append(")\n");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            b.append(p.dump()).append('\n');
        }
        return b.toString();
    }

    private void delete() {
        for (String ns : List.of(director, realServers)) {
            try {
                run("ip", "netns", "del", ns);
            } catch (IOException e) {
                System.out.println("cleanup: " + e.getMessage());
            }
        }
    }

    /** Kills what is still running, closes the listeners, deletes both namespaces. */
    @Override
    public void close() throws IOException, InterruptedException {
        for (NsProcess p : processes) {
            p.close();
        }
        for (RealServerListener l : listeners) {
            l.close();
        }
        delete();
    }
}
