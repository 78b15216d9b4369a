package org.lvsd.ipvs.kernel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.lvsd.ipvs.ConnectionEntry;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.genl.GenlFamilies;
import org.lvsd.netlink.genl.GenlFamily;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.lvsd.netlink.socket.NetworkNamespace;

/**
 * Kernel test lab: a network namespace {@code lvsdtest-ipvs-<random>} of its own (IPVS tables are
 * per namespace, so the host's table is never touched), a {@link KernelIpvsDriver} whose socket
 * lives in it, and the real ipvsadm run in it as the oracle. Skips the test, printing why, when not
 * root or when the kernel has no IPVS (the normal case outside packaging/kvm's VM).
 */
final class KernelLab implements AutoCloseable {
    /** /proc/net is the namespace of the process's main thread; this file is the reading thread's. */
    static final Path THREAD_CONN = Path.of("/proc/thread-self/net/ip_vs_conn");
    /** The lab's dummy interface (198.51.100.1/24). */
    static final String IFACE = "lvsd0";
    final String name = "lvsdtest-ipvs-" + UUID.randomUUID().toString().substring(0, 8);
    final KernelIpvsDriver driver;

    private KernelLab() throws IOException, IpvsException {
        run("ip", "netns", "add", name);
        try {
            // IPVS accepts a real server only where the route lookup works: lo up, plus an
            // interface with an address and multicast for the sync daemons
            run("ip", "-n", name, "link", "set", "lo", "up");
            run("ip", "-n", name, "link", "add", IFACE, "type", "dummy");
            run("ip", "-n", name, "address", "add", "198.51.100.1/24", "dev", IFACE);
            run("ip", "-n", name, "link", "set", IFACE, "up", "multicast", "on");
            NetlinkSocket s = NetworkNamespace.call(Path.of("/run/netns", name),
                    () -> NetlinkSocket.open(Netlink.NETLINK_GENERIC));
            GenlFamily family = new GenlFamilies(s).resolve(IpvsAttr.FAMILY).orElseThrow();
            driver = new KernelIpvsDriver(s, family, THREAD_CONN);
        } catch (IOException | IpvsException | RuntimeException e) {
            run("ip", "netns", "del", name);
            throw e;
        }
    }

    /** A lab, or a skipped test when this machine cannot host one. */
    static KernelLab create() throws IOException, IpvsException {
        String euid = effectiveUid();
        if (!"0".equals(euid)) {
            skip("kernel IPVS tests need root, effective uid is " + euid);
        }
        Optional<GenlFamily> ipvs;
        try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_GENERIC)) {
            ipvs = new GenlFamilies(s).resolve(IpvsAttr.FAMILY);
        }
        if (ipvs.isEmpty()) {
            skip("this kernel has no generic netlink family IPVS (run them in the VM: ./mvnw -Pkernel-vm verify)");
        }
        return new KernelLab();
    }

    private static void skip(String why) {
        System.out.println("SKIPPED: " + why);
        Assumptions.abort(why);
    }

    /**
     * Tries a TCP connection from inside the namespace for {@code timeoutMillis}, then closes the
     * socket (a SYN_SENT socket closes silently, so no more packets follow). Returns how it ended.
     */
    String tryConnect(InetAddress address, int port, int timeoutMillis) throws IOException {
        return NetworkNamespace.call(Path.of("/run/netns", name), () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), timeoutMillis);
                return "connected";
            } catch (IOException e) {
                return e.getClass().getSimpleName();
            }
        });
    }

    /** The driver's connection listing, read on a thread inside the namespace. */
    List<ConnectionEntry> connections() throws IOException {
        return NetworkNamespace.call(Path.of("/run/netns", name), () -> {
            try {
                return driver.connections();
            } catch (IpvsException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Runs {@code ipvsadm args...} in the lab's namespace and returns its stdout. */
    String ipvsadm(String... args) throws IOException {
        return in("ipvsadm", args);
    }

    /** Runs {@code ipvsadm args...} in the namespace with {@code stdin} as its input. */
    String ipvsadmWithInput(String stdin, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name, "ipvsadm"));
        cmd.addAll(List.of(args));
        return exec(cmd, stdin);
    }

    /** Runs a program in the namespace. */
    String in(String program, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name, program));
        cmd.addAll(List.of(args));
        return exec(cmd, null);
    }

    private static String run(String... cmd) throws IOException {
        return exec(List.of(cmd), null);
    }

    private static String exec(List<String> cmd, String stdin) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            // generous: the VM emulates the CPU (TCG) and is 10-25x slower than the host
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
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

    @Override
    public void close() throws IOException {
        driver.close();
        run("ip", "netns", "del", name);
    }
}
