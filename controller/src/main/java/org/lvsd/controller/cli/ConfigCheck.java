package org.lvsd.controller.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.Diagnostic;
import org.lvsd.conf.ConfigLoader.LoadResult;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.model.ModelJson;
import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.controller.control.ControlClient;
import org.lvsd.controller.control.Request;
import org.lvsd.controller.control.Response;
import org.lvsd.controller.daemon.LoadedConfig;

/**
 * {@code lvsd -t}, {@code lvsd -t --diff} and {@code lvsd --dump-config}: read, validate, report.
 *
 * <p>Like {@code keepalived -t} it needs neither root nor the named interfaces. Every
 * diagnostic goes to {@code err} as {@code file:line: message}; the exit status is 0 when
 * the file is usable (warnings allowed) and 1 otherwise. With {@code --diff} the virtual servers
 * are mapped too (their errors count), then the running daemon, reached on the file's
 * {@code control_socket}, prints what a reload of the file would change: 0 when it could, 1 when
 * it refused, 3 when no lvsd answers there.
 */
final class ConfigCheck {

    private final PrintStream out;
    private final PrintStream err;

    ConfigCheck(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Options options, ParseOptions parseOptions) {
        if (options.diff()) {
            return diff(options.configFile(), parseOptions);
        }
        LoadResult result = ConfigLoader.load(options.configFile(), parseOptions);
        for (Diagnostic d : result.diagnostics()) {
            err.println(d);
        }
        Optional<KeepalivedConfig> config = result.config();
        if (result.hasErrors() || config.isEmpty()) {
            long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
            err.println(options.configFile() + ": " + errors + (errors == 1 ? " error" : " errors"));
            return 1;
        }
        if (options.dumpConfig()) {
            out.println(ModelJson.write(config.get()));
        }
        return 0;
    }

    private int diff(Path file, ParseOptions parseOptions) {
        LoadedConfig loaded = LoadedConfig.load(file, parseOptions);
        loaded.diagnostics().forEach(err::println);
        if (loaded.hasErrors()) {
            int errors = loaded.errors().size();
            err.println(file + ": " + errors + (errors == 1 ? " error" : " errors"));
            return 1;
        }
        Path socket = Path.of(loaded.config().orElseThrow().global().lvsd().controlSocket());
        Response response;
        try {
            response = ControlClient.send(socket, new Request.Diff(file.toAbsolutePath().toString()));
        } catch (ControlClient.CannotConnectException e) {
            err.println("lvsd: --diff: no running lvsd answers on " + socket + " (control_socket of " + file
                    + "): " + e.getCause().getMessage());
            return 3;
        } catch (IOException e) {
            err.println("lvsd: --diff: talking to lvsd on " + socket + " failed: " + e.getMessage());
            return 3;
        }
        if (!response.ok()) {
            err.println("lvsd: --diff: " + response.message());
            return 1;
        }
        out.print(response.body());
        return 0;
    }
}
