package org.lvsd.controller.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lvsd.controller.control.ControlClient;
import org.lvsd.controller.control.Request;
import org.lvsd.controller.control.Response;

/**
 * Entry point of {@code lvsctl}, the client of lvsd's control socket. Exit codes: 0 done, 1 lvsd
 * answered with an error, 2 usage, 3 cannot reach lvsd.
 */
public final class LvsCtl {

    static final String DEFAULT_SOCKET = "/run/lvsd/lvsd.sock";

    static final String USAGE = """
            usage: lvsctl [-s|--socket PATH] COMMAND
              -Ln [--stats|--rate|-c]   the IPVS table, as ipvsadm -Ln prints it (-c: connections)
              status [--json]           VRRP instances, transitions, real servers and their health
              drain VS RS               weight 0 for real server RS (ip:port) in virtual server VS
                                        (e.g. "TCP 198.51.100.100:80"); kept across reloads
              enable VS RS              undo a drain
              reload                    reload the configuration (as SIGHUP)
              flush                     empty the IPVS table, as ipvsadm -C (lvsd repairs it at
                                        its next reconcile: lvs_reconcile_interval)
            the socket defaults to %s (control_socket in global_defs)
            """.formatted(DEFAULT_SOCKET);

    private final PrintStream out;
    private final PrintStream err;

    LvsCtl(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new LvsCtl(System.out, System.err).run(args));
    }

    int run(String... args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        Path socket = Path.of(DEFAULT_SOCKET);
        while (!rest.isEmpty() && rest.get(0).startsWith("-")) {
            String a = rest.get(0);
            if (a.equals("-h") || a.equals("--help")) {
                out.print(USAGE);
                return 0;
            }
            if (a.equals("-s") || a.equals("--socket")) {
                if (rest.size() < 2) {
                    return usage(a + " needs a PATH");
                }
                socket = Path.of(rest.get(1));
                rest.subList(0, 2).clear();
            } else if (a.startsWith("--socket=")) {
                socket = Path.of(a.substring("--socket=".length()));
                rest.remove(0);
            } else {
                break;
            }
        }
        if (rest.isEmpty()) {
            return usage("no command");
        }
        Request request;
        try {
            request = request(rest);
        } catch (Request.BadRequestException e) {
            return usage(e.getMessage());
        }
        Response response;
        try {
            response = ControlClient.send(socket, request);
        } catch (ControlClient.CannotConnectException e) {
            err.println("lvsctl: " + e.getMessage() + " (is lvsd running? use -s PATH for another socket)");
            return 3;
        } catch (IOException e) {
            err.println("lvsctl: talking to lvsd on " + socket + " failed: " + e.getMessage());
            return 1;
        }
        if (!response.ok()) {
            err.println("lvsctl: " + response.message());
            return 1;
        }
        out.print(response.body());
        return 0;
    }

    /** The request for the command words; {@code -Ln} options become {@code list} options. */
    private static Request request(List<String> words) throws Request.BadRequestException {
        String command = words.get(0);
        List<String> args = words.subList(1, words.size());
        if (command.equals("-Ln") || command.equals("-nL")) {
            if (args.size() > 1 || !args.isEmpty() && !List.of("--stats", "--rate", "-c").contains(args.get(0))) {
                throw new Request.BadRequestException(command + " takes at most one of --stats, --rate, -c");
            }
            return Request.parse(String.join(" ", prepend("list", args)));
        }
        if (command.startsWith("-")) {
            throw new Request.BadRequestException("unknown option " + command);
        }
        if (command.equals("list")) {
            throw new Request.BadRequestException("unknown command list; use -Ln");
        }
        return Request.parse(String.join(" ", words));
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    private int usage(String problem) {
        err.println("lvsctl: " + problem);
        err.print(USAGE);
        return 2;
    }
}
