package org.lvsd.vrrp.testlab;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.lvsd.netlink.socket.NetworkNamespace;

/**
 * One network namespace made by a test ({@code ip netns add NAME}), deleted by {@link #close()}
 * with every process still in it. Nothing here touches the root namespace.
 */
public final class Netns implements AutoCloseable {

    private final String name;

    /** Creates {@code name} (deleting a leftover of the same name first) with lo up and DAD off. */
    public Netns(String name) throws IOException {
        this.name = name;
        close();
        run("ip", "netns", "add", name);
        exec("ip", "link", "set", "lo", "up");
        exec("sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0");
        exec("sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0");
    }

    /** Why namespace tests cannot run here, or null when they can. */
    public static String unavailableReason() {
        return "root".equals(System.getProperty("user.name")) ? null : "needs root for network namespaces";
    }

    public String name() {
        return name;
    }

    public Path file() {
        return Path.of("/run/netns", name);
    }

    /** A {@code NETLINK_ROUTE} socket bound inside this namespace. */
    public NetlinkSocket routeSocket() throws NetlinkException {
        return NetworkNamespace.call(file(), () -> NetlinkSocket.open(Netlink.NETLINK_ROUTE));
    }

    /**
     * Creates a veth pair {@code name} / {@code peer} inside the namespace and sets both up (this
     * kernel has no dummy driver; a veth is RUNNING once both ends are up).
     */
    public void veth(String name, String peer) throws IOException {
        exec("ip", "link", "add", name, "type", "veth", "peer", "name", peer);
        exec("ip", "link", "set", peer, "up");
        exec("ip", "link", "set", name, "up");
        awaitRunning(name);
        awaitRunning(peer);
    }

    /** Waits (at most 5 s) until {@code link} has its carrier (operational state UP). */
    public void awaitRunning(String link) throws IOException {
        awaitOperational(link, true);
    }

    /** Waits (at most 5 s) until {@code link}'s operational state is UP ({@code up}) or anything else. */
    public void awaitOperational(String link, boolean up) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (String.join("", exec("ip", "-o", "link", "show", link)).contains("state UP") != up) {
            if (System.nanoTime() > deadline) {
                throw new IOException(link + " did not go " + (up ? "up" : "down") + " within 5 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /**
     * Runs {@code action} on a new thread that joined the namespace file {@code nsFile} (setns(2));
     * sockets it opens stay in that namespace. Bounded to 10 s.
     */
    public static <T> T call(Path nsFile, Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                int fd = NsCalls.C.open(nsFile.toString(), O_RDONLY | O_CLOEXEC);
                try {
                    NsCalls.C.setns(fd, CLONE_NEWNET);
                } finally {
                    NsCalls.C.close(fd);
                }
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "netns-" + nsFile.getFileName());
        t.start();
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;

    /** open(2), setns(2), close(2). */
    private interface NsCalls extends Library {
        NsCalls C = Native.load("c", NsCalls.class);

        int open(String path, int flags) throws LastErrorException;

        int setns(int fd, int nstype) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    /** Runs a command inside the namespace (bounded to 10 s); fails on a non-zero exit. */
    public List<String> exec(String... command) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(command));
        return run(full.toArray(String[]::new));
    }

    /** Runs a short command (bounded to 10 s); returns its output lines, fails on a non-zero exit. */
    public static List<String> run(String... command) throws IOException {
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
        try {
            for (String pid : run("ip", "netns", "pids", name)) {
                ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
            }
            run("ip", "netns", "del", name);
        } catch (IOException | NumberFormatException e) {
            // Namespace absent: nothing to clean.
        }
    }
}
