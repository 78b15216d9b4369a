package org.lvsd.controller.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.controller.daemon.Daemon;
import org.lvsd.controller.logging.LogSetup;
import org.lvsd.healthcheck.genhash.GenhashCommand;

/**
 * Entry point of {@code lvsd}: parses the command line and runs the requested mode.
 *
 * <p>Configuration checking ({@code -t}, {@code --dump-config}) and {@code lvsd genhash}
 * (keepalived's genhash: the MD5 digest of a URL's body, for HTTP_GET's {@code digest}) work;
 * without {@code -t} it runs the daemon ({@link Daemon}). Nothing here ever shows the user a stack
 * trace.
 */
public final class Lvsd {

    private final PrintStream out;
    private final PrintStream err;

    Lvsd(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Lvsd(System.out, System.err).run(args));
    }

    int run(String... args) {
        boolean journal = System.getenv("JOURNAL_STREAM") != null;
        if (args.length > 0 && args[0].equals("genhash")) {
            LogSetup.configure(false, journal);
            return GenhashCommand.run(List.of(args).subList(1, args.length), out, err);
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            err.println("lvsd: " + e.getMessage());
            err.print(Options.USAGE);
            return 2;
        }
        if (options.help()) {
            out.print(Options.USAGE);
            return 0;
        }
        if (options.version()) {
            out.println("lvsd " + version());
            return 0;
        }
        LogSetup.configure(options.logDetail(), journal);
        ParseOptions parse = options.configId()
                .map(id -> new ParseOptions(id, System.getenv()))
                .orElseGet(ParseOptions::defaults);
        if (options.configTest() || options.dumpConfig()) {
            return new ConfigCheck(out, err).run(options, parse);
        }
        return new Daemon(err).run(options.configFile(), parse);
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = Lvsd.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
