package org.lvsd.ipvs.userspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.format.ConnectionListing;
import org.lvsd.ipvs.format.IpvsadmListing;
import org.lvsd.ipvs.format.ListFormat;
import org.lvsd.ipvs.format.ListOptions;
import org.lvsd.ipvs.format.RestoreException;
import org.lvsd.ipvs.format.RestoreParser;

/**
 * Serves the ipvsadm restore rules of a file with the userspace forwarder until stdin closes or
 * says {@code quit}. Commands on stdin, one a line: {@code list} ({@code ipvsadm -Ln}),
 * {@code stats} ({@code -Ln --stats}), {@code rate} ({@code -Ln --rate}), {@code conn}
 * ({@code -Lnc}), {@code counters} (the forwarder's own), {@code dr} (the packet path's frames
 * forwarded, received, dropped by the port, super-segments split for the tunnel and those that
 * could not be, too big to tunnel, and dropped for want of a MAC),
 * {@code apply RULE} (one ipvsadm restore
 * line, such as {@code -d -t 198.51.100.100:80 -r 198.51.100.21:80}). Each answer ends with a line
 * {@code .}.
 * SIGUSR2 is not offered: HotSpot on Linux uses it to suspend threads.
 *
 * <pre>
 * ForwarderMain --rules FILE [--transparent] [--proxy-protocol none|v1|v2]
 *               [--max-connections N] [--connect-timeout-ms N] [--threads N] [--route-interface IF]
 * </pre>
 */
public final class ForwarderMain {
    private ForwarderMain() {
    }

    public static void main(String[] args) throws IOException {
        Path rules = null;
        ForwarderOptions options = ForwarderOptions.DEFAULT;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--rules" -> rules = Path.of(value(args, ++i, a));
                case "--transparent" -> options = options.withTransparent(true);
                case "--proxy-protocol" -> options = options.withProxyProtocol(
                        ProxyProtocol.valueOf(value(args, ++i, a).toUpperCase(Locale.ROOT)));
                case "--max-connections" -> options = options.withMaxConnections(
                        Integer.parseInt(value(args, ++i, a)));
                case "--connect-timeout-ms" -> options = options.withConnectTimeoutMillis(
                        Integer.parseInt(value(args, ++i, a)));
                case "--threads" -> options = options.withIoThreads(Integer.parseInt(value(args, ++i, a)));
                case "--route-interface" -> options = options.withRouteInterface(value(args, ++i, a));
                default -> usage("unknown argument " + a);
            }
        }
        if (rules == null) {
            usage("--rules FILE is required");
        }
        String text = Files.readString(rules, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        try (UserspaceIpvsDriver driver = new UserspaceIpvsDriver(Clock.systemUTC(), options)) {
            try {
                RestoreParser.apply(text, driver);
            } catch (RestoreException e) {
                System.err.println("forwarder: " + rules + ": " + e.getMessage());
                System.exit(1);
            }
            out.println("ready");
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.trim().equals("quit")) {
                out.print(answer(driver, line.trim()));
                out.println(".");
                out.flush();
            }
        }
    }

    static String answer(UserspaceIpvsDriver driver, String command) {
        if (command.startsWith("apply ")) {
            try {
                RestoreParser.apply(command.substring("apply ".length()), driver);
                return "ok\n";
            } catch (RestoreException e) {
                return "error: " + e.getMessage() + "\n";
            }
        }
        try {
            return switch (command) {
                case "list" -> IpvsadmListing.list(driver.info(), driver.list(), ListOptions.DEFAULT);
                case "stats" -> IpvsadmListing.list(driver.info(), driver.list(), ListOptions.of(ListFormat.STATS));
                case "rate" -> IpvsadmListing.list(driver.info(), driver.list(), ListOptions.of(ListFormat.RATE));
                case "conn" -> ConnectionListing.list(driver.connections(), false);
                case "counters" -> driver.counters() + "\n";
                case "dr" -> driver.directRouting().map(d -> "forwarded=" + d.forwarded() + " received="
                        + d.received() + " dropped=" + d.dropped() + " segmented=" + d.segmented()
                        + " unsegmentable=" + d.unsegmentable() + " too_big="
                        + d.tooBig() + " unresolved=" + d.unresolved() + "\n").orElse("direct routing off\n");
                default -> "unknown command: " + command + "\n";
            };
        } catch (IpvsException e) {
            return "error: " + e.getMessage() + "\n";
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            usage(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("forwarder: " + problem);
        System.err.println("usage: ForwarderMain --rules FILE [--transparent] [--proxy-protocol none|v1|v2]"
                + " [--max-connections N] [--connect-timeout-ms N] [--threads N] [--route-interface IF]");
        System.exit(2);
    }
}
