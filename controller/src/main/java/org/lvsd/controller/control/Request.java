package org.lvsd.controller.control;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.ipvs.AddressText;

/** One parsed request line of the control protocol (see the package documentation). */
public sealed interface Request {

    /** Longest request line accepted, in bytes, without its newline. */
    int MAX_LINE = 1024;

    /** The commands, for error messages. */
    String COMMANDS = "list, status, drain, enable, reload, flush, diff";

    /** The request line that asks for this request. */
    String line();

    /** Which listing {@code list} prints. */
    enum ListView {
        /** ipvsadm -Ln. */
        TABLE(""),
        /** ipvsadm -Ln --stats. */
        STATS("--stats"),
        /** ipvsadm -Ln --rate. */
        RATE("--rate"),
        /** ipvsadm -Lnc. */
        CONNECTIONS("-c");

        private final String option;

        ListView(String option) {
            this.option = option;
        }

        /** The option on the request line, empty for {@link #TABLE}. */
        public String option() {
            return option;
        }
    }

    /** {@code list [--stats|--rate|-c]}. */
    record Listing(ListView view) implements Request {
        public Listing {
            Objects.requireNonNull(view, "view");
        }

        @Override
        public String line() {
            return view == ListView.TABLE ? "list" : "list " + view.option();
        }
    }

    /** {@code status [--json]}. */
    record Status(boolean json) implements Request {
        @Override
        public String line() {
            return json ? "status --json" : "status";
        }
    }

    /** {@code drain VS RS} ({@code enable} false) or {@code enable VS RS}. */
    record Maintenance(boolean enable, String virtualServer, RealServerId server) implements Request {
        public Maintenance {
            Objects.requireNonNull(virtualServer, "virtualServer");
            Objects.requireNonNull(server, "server");
        }

        @Override
        public String line() {
            return (enable ? "enable " : "drain ") + virtualServer + " " + AddressText.withPort(server.address(), server.port());
        }
    }

    /** {@code reload}. */
    record Reload() implements Request {
        @Override
        public String line() {
            return "reload";
        }
    }

    /** {@code flush}: empties the driver's whole table, as {@code ipvsadm -C} does. */
    record Flush() implements Request {
        @Override
        public String line() {
            return "flush";
        }
    }

    /** {@code diff PATH}: what reloading the configuration file {@code path} would change. */
    record Diff(String path) implements Request {
        public Diff {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String line() {
            return "diff " + path;
        }
    }

    /** Thrown for a line that is not a request; the message says what is wrong. */
    final class BadRequestException extends Exception {
        private static final long serialVersionUID = 1L;

        public BadRequestException(String message) {
            super(message);
        }
    }

    /** Parses one request line (words separated by blanks). */
    static Request parse(String line) throws BadRequestException {
        List<String> words = Arrays.stream(line.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            throw new BadRequestException("empty request; commands: " + COMMANDS);
        }
        List<String> args = words.subList(1, words.size());
        switch (words.get(0)) {
            case "list":
                return new Listing(listView(args));
            case "status":
                if (args.isEmpty() || args.equals(List.of("--json"))) {
                    return new Status(!args.isEmpty());
                }
                throw new BadRequestException("usage: status [--json]");
            case "drain":
            case "enable":
                return maintenance(words.get(0), args);
            case "reload":
                if (args.isEmpty()) {
                    return new Reload();
                }
                throw new BadRequestException("usage: reload");
            case "flush":
                if (args.isEmpty()) {
                    return new Flush();
                }
                throw new BadRequestException("usage: flush");
            case "diff":
                if (args.isEmpty()) {
                    throw new BadRequestException("usage: diff CONFIG_FILE");
                }
                return new Diff(line.strip().substring("diff".length()).strip());
            default:
                throw new BadRequestException("unknown command '" + words.get(0) + "'; commands: " + COMMANDS);
        }
    }

    private static ListView listView(List<String> args) throws BadRequestException {
        if (args.isEmpty()) {
            return ListView.TABLE;
        }
        if (args.size() == 1) {
            for (ListView v : ListView.values()) {
                if (!v.option().isEmpty() && v.option().equals(args.get(0))) {
                    return v;
                }
            }
        }
        throw new BadRequestException("usage: list [--stats|--rate|-c]");
    }

    private static Request maintenance(String command, List<String> args) throws BadRequestException {
        if (args.size() < 2) {
            throw new BadRequestException("usage: " + command + " VIRTUAL_SERVER REAL_SERVER (ip:port or [ipv6]:port)");
        }
        String rs = args.get(args.size() - 1);
        RealServerId server = realServer(rs).orElseThrow(() -> new BadRequestException(
                "bad real server '" + rs + "'; expected ip:port or [ipv6]:port"));
        return new Maintenance(command.equals("enable"), String.join(" ", args.subList(0, args.size() - 1)), server);
    }

    /** {@code a.b.c.d:port} or {@code [v6]:port} with a numeric address and a port 0..65535. */
    static Optional<RealServerId> realServer(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        String host = text.substring(0, colon);
        String port = text.substring(colon + 1);
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        if (host.indexOf(':') >= 0 && !bracketed || !port.chars().allMatch(Character::isDigit) || port.length() > 5) {
            return Optional.empty();
        }
        int p = Integer.parseInt(port);
        Optional<InetAddress> address = AddressText.parse(bracketed ? host.substring(1, host.length() - 1) : host);
        return p > 65535 ? Optional.empty() : address.map(a -> new RealServerId(a, p));
    }
}
