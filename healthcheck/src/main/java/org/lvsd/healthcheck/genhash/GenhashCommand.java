package org.lvsd.healthcheck.genhash;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.lvsd.healthcheck.spec.HttpCheckSpec.HttpProtocol;

/**
 * The {@code genhash} command line, with keepalived genhash's options:
 * {@code [-S] -s SERVER -p PORT -u PATH [-V VIRTUALHOST] [-P 1.0|1.1] [-t SECONDS] [-v]},
 * or a single {@code http(s)://} URL in place of -S/-s/-p/-u. Prints {@code MD5SUM = hex}
 * (with {@code -v}, the status and length first). Exit status: 0 fetched, 1 fetch failed,
 * 2 usage error.
 */
public final class GenhashCommand {

    static final String USAGE = "usage: genhash [-S] -s SERVER -p PORT -u PATH [-V VHOST]"
            + " [-P 1.0|1.1] [-t SECONDS] [-v] | genhash [options] URL";

    private GenhashCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        GenhashRequest req;
        boolean verbose = args.contains("-v");
        try {
            req = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("genhash: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            GenhashResult r = Genhash.fetch(req);
            if (verbose) {
                out.println("HTTP status " + r.status() + ", body " + r.bodyBytes() + " bytes");
            }
            out.println("MD5SUM = " + r.md5Hex());
            return 0;
        } catch (IOException e) {
            err.println("genhash: " + req.url() + ": " + e.getMessage());
            return 1;
        }
    }

    static GenhashRequest parse(List<String> args) {
        boolean tls = false;
        String server = null;
        String port = null;
        String path = "/";
        String url = null;
        Optional<String> vhost = Optional.empty();
        HttpProtocol protocol = HttpProtocol.HTTP_1_0;
        Duration timeout = Duration.ofSeconds(5);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-S" -> tls = true;
                case "-v" -> { }
                case "-s" -> server = value(args, ++i, a);
                case "-p" -> port = value(args, ++i, a);
                case "-u" -> path = value(args, ++i, a);
                case "-V" -> vhost = Optional.of(value(args, ++i, a));
                case "-P" -> protocol = switch (value(args, ++i, a)) {
                    case "1.0" -> HttpProtocol.HTTP_1_0;
                    case "1.1" -> HttpProtocol.HTTP_1_1;
                    default -> throw new IllegalArgumentException("-P takes 1.0 or 1.1");
                };
                case "-t" -> timeout = Duration.ofSeconds(parsePositive(value(args, ++i, a)));
                default -> {
                    if (a.startsWith("-") || url != null) {
                        throw new IllegalArgumentException("unexpected argument " + a);
                    }
                    url = a;
                }
            }
        }
        URI uri;
        if (url != null) {
            uri = URI.create(url);
        } else {
            if (server == null || port == null) {
                throw new IllegalArgumentException("need -s and -p, or a URL");
            }
            String host = server.indexOf(':') >= 0 ? "[" + server + "]" : server;
            uri = URI.create((tls ? "https" : "http") + "://" + host + ":"
                    + parsePositive(port) + path);
        }
        return new GenhashRequest(uri, vhost, protocol, timeout, 64L << 20);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int parsePositive(String s) {
        try {
            int v = Integer.parseInt(s);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("not a positive number: " + s);
    }
}
