package org.lvsd.ipvs.userspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@link ForwarderMain} (or another test main with the same line protocol: {@code ready} first,
 * answers ending with a line {@code .}, {@code quit} to stop) running in a lab namespace, driven
 * through its stdin commands.
 */
final class ForwarderProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    private final Path log;
    private final ExecutorService reader = Executors.newSingleThreadExecutor();

    private ForwarderProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Starts the forwarder on {@code host} with ipvsadm restore {@code rules}; waits until it serves. */
    static ForwarderProcess start(Lab lab, String host, Path dir, String rules, String... options) throws Exception {
        Path file = dir.resolve("rules-" + System.nanoTime());
        Files.writeString(file, rules);
        List<String> args = new ArrayList<>(List.of("--rules", file.toString()));
        args.addAll(List.of(options));
        return startMain(lab, host, dir, "-Xmx256m", ForwarderMain.class, args.toArray(String[]::new));
    }

    /** Starts {@code main} with {@code args} on {@code host}, the JVM limited by {@code heap}; waits for its ready line. */
    static ForwarderProcess startMain(Lab lab, String host, Path dir, String heap, Class<?> main, String... args)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of("java", heap, "-cp", System.getProperty("java.class.path"),
                main.getName()));
        cmd.addAll(List.of(args));
        Path log = dir.resolve(main.getSimpleName() + "-" + System.nanoTime() + ".log");
        ForwarderProcess f = new ForwarderProcess(lab.spawnInteractive(host, log, cmd.toArray(String[]::new)), log);
        String first = f.line(30);
        if (first == null || !first.startsWith("ready")) {
            throw new IOException(main.getSimpleName() + " did not start: " + first + "\n" + Files.readString(log));
        }
        return f;
    }

    private String line(int seconds) throws Exception {
        Future<String> next = reader.submit(out::readLine);
        return next.get(seconds, TimeUnit.SECONDS);
    }

    /** Sends a stdin command and returns its answer (without the closing "."). */
    String command(String command) throws Exception {
        in.println(command);
        StringBuilder b = new StringBuilder();
        for (String l; !(l = line(10)).equals("."); ) {
            b.append(l).append('\n');
        }
        return b.toString();
    }

    long pid() {
        return process.pid();
    }

    /** Open file descriptors of the forwarder's JVM. */
    /**
     * The forwarder's open sockets (/proc/PID/fd entries linked to "socket:[...]"): what a
     * connection can leak. Other descriptors are left out: the JVM opens class-path jars when it
     * first loads a class from them, whenever that is.
     */
    int openSockets() throws IOException {
        try (var s = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            return (int) s.filter(ForwarderProcess::isSocket).count();
        }
    }

    private static boolean isSocket(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException e) {
            return false; // closed while listed
        }
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        in.println("quit");
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        reader.shutdownNow();
    }
}
