package org.lvsd.controller.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code lvsd}, with keepalived's short and long spellings (keepalived(8)).
 *
 * @param configFile {@code -f FILE}, {@code --use-file=FILE}
 * @param configTest {@code -t}, {@code --config-test}: check the file and exit
 * @param dumpConfig {@code --dump-config}: print the normalized model as JSON and exit
 * @param diff {@code --diff} (with {@code -t}): print what reloading the file would change in the
 *     running daemon, asked over its {@code control_socket}
 * @param foreground {@code -n}, {@code --dont-fork}: lvsd never forks; accepted for keepalived habits
 * @param logConsole {@code -l}, {@code --log-console}
 * @param logDetail {@code -D}, {@code --log-detail}: debug level
 * @param configId {@code -i ID}, {@code --config-id ID}: selects {@code @ID} lines (default hostname)
 * @param version {@code -v}, {@code --version}
 * @param help {@code -h}, {@code --help}
 */
public record Options(
        Path configFile,
        boolean configTest,
        boolean dumpConfig,
        boolean diff,
        boolean foreground,
        boolean logConsole,
        boolean logDetail,
        Optional<String> configId,
        boolean version,
        boolean help) {

    /** Where the daemon reads its configuration when {@code -f} is not given. */
    public static final Path DEFAULT_CONFIG = Path.of("/etc/lvsd/lvsd.conf");

    public static final String USAGE = String.join("\n",
            "Usage: lvsd [OPTION]...",
            "       lvsd genhash [-S] -s SERVER -p PORT -u PATH [-V VHOST] | lvsd genhash URL",
            "  -f, --use-file=FILE     configuration file (default " + DEFAULT_CONFIG + ")",
            "  -t, --config-test       check the configuration and exit (0 valid, 1 invalid)",
            "      --dump-config       print the normalized configuration as JSON and exit",
            "      --diff              with -t: print what a reload of FILE would change in the",
            "                          running lvsd (asked on FILE's control_socket)",
            "  -i, --config-id=ID      keep '@ID' lines (default: host name without domain)",
            "  -n, --dont-fork         stay in the foreground (lvsd always does)",
            "  -l, --log-console       log to the console",
            "  -D, --log-detail        detailed (debug) log",
            "  -v, --version           print the version and exit",
            "  -h, --help              print this help and exit",
            "");

    /**
     * Parses {@code args}.
     *
     * @throws UsageException naming the offending argument
     */
    public static Options parse(String... args) throws UsageException {
        Path file = DEFAULT_CONFIG;
        boolean test = false, dump = false, diff = false, fg = false, console = false, detail = false;
        boolean version = false, help = false;
        String id = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            String inline = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                inline = arg.substring(arg.indexOf('=') + 1);
                arg = arg.substring(0, arg.indexOf('='));
            }
            switch (arg) {
                case "-f", "--use-file" -> file = Path.of(value(arg, inline, rest));
                case "-i", "--config-id" -> id = value(arg, inline, rest);
                case "-t", "--config-test" -> test = true;
                case "--dump-config" -> dump = true;
                case "--diff" -> diff = true;
                case "-n", "--dont-fork" -> fg = true;
                case "-l", "--log-console" -> console = true;
                case "-D", "--log-detail" -> detail = true;
                case "-v", "--version" -> version = true;
                case "-h", "--help" -> help = true;
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
            if (inline != null && !takesValue(arg)) {
                throw new UsageException("option '" + arg + "' takes no value");
            }
        }
        if (diff && !test) {
            throw new UsageException("--diff needs -t");
        }
        return new Options(file, test, dump, diff, fg, console, detail, Optional.ofNullable(id), version, help);
    }

    private static boolean takesValue(String option) {
        return option.equals("--use-file") || option.equals("--config-id");
    }

    private static String value(String option, String inline, List<String> rest) throws UsageException {
        if (inline != null) {
            return inline;
        }
        if (rest.isEmpty() || rest.get(0).isEmpty()) {
            throw new UsageException("option '" + option + "' needs a value");
        }
        return rest.remove(0);
    }

    /** A command line lvsd cannot understand. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }
}
