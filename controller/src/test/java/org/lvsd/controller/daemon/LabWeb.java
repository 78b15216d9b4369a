package org.lvsd.controller.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Lab helpers for the service ITs: nginx in a real server answering its name, a bounded client
 * load loop through the VIP, lvsctl run as a user runs it, and /metrics read inside a namespace.
 */
final class LabWeb {

    private final Lab lab;
    private final Path dir;
    private final List<Child> children = new ArrayList<>();

    LabWeb(Lab lab, Path dir) {
        this.lab = lab;
        this.dir = dir;
    }

    /** nginx (one process, no daemon) on ADDRESS:PORT answering "BODY\n"; waits until the client gets it. */
    Child nginx(String host, String address, int port, String body) throws IOException {
        Path d = Files.createDirectories(dir.resolve("nginx-" + host + "-" + port));
        String conf = """
                user root root;
                master_process off;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen %2$s:%3$d;
                        location = / { default_type text/plain; return 200 "%4$s\\n"; }
                    }
                }
                """.formatted(d, address, port, body);
        Path file = d.resolve("nginx.conf");
        Files.writeString(file, conf);
        Child c = lab.start("nginx-" + body, host, List.of("nginx", "-c", file.toString(), "-p", d.toString()));
        children.add(c);
        String url = "http://" + address + ":" + port + "/";
        try {
            Awaitility.await(body + " serves").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> lab.exec("client", "curl", "-sS", "--max-time", "1", url).equals(body + "\n"));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(body + " nginx did not start\n" + c.dump(), e);
        }
        return c;
    }

    /**
     * The client GETs http://VIP/ one after another, at most {@code count} times and for at most
     * {@code seconds}; each answer is a line {@code R BODY} (or {@code R curl: ...} on failure),
     * then {@code DONE}.
     */
    Child load(int count, int seconds) throws IOException {
        String script = "end=$((SECONDS+" + seconds + ")); n=0; while [ $n -lt " + count + " ] && [ $SECONDS -lt $end ]; "
                + "do echo \"R $(curl -sS --max-time 2 http://" + Lab.VIP + "/ 2>&1)\"; n=$((n+1)); sleep 0.02; done; echo DONE";
        Child c = lab.start("load", "client", List.of("bash", "-c", script));
        children.add(c);
        return c;
    }

    /** Answers of a load so far, by body ("curl: ..." for failures). */
    static Map<String, Integer> answers(Child load) {
        Map<String, Integer> out = new TreeMap<>();
        for (String l : load.lines()) {
            if (l.startsWith("R ")) {
                out.merge(l.substring(2).trim(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** {@code lvsctl -s SOCKET ARGS...} as a process of this class path (at most 60 s): exit status and output. */
    static String[] lvsctl(Path socket, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.lvsd.controller.cli.LvsCtl", "-s", socket.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + cmd);
        }
        return new String[] {Integer.toString(p.exitValue()), new String(p.getInputStream().readAllBytes())};
    }

    /** GET /metrics on 127.0.0.1:9650 inside {@code host}. */
    String metrics(String host) throws IOException {
        return lab.exec(host, "curl", "-sS", "--max-time", "3", "http://127.0.0.1:9650/metrics");
    }

    /** The value of the series {@code name} whose labels contain every {@code label="value"} given, or NaN. */
    static double metric(String page, String name, String... labels) {
        for (String line : page.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (String l : labels) {
                all &= line.contains(l);
            }
            if (all) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    void close() throws InterruptedException {
        for (Child c : children) {
            c.kill();
        }
    }
}
