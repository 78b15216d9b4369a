package org.lvsd.controller.cli;

import java.io.PrintStream;
import java.util.Optional;

import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.Diagnostic;
import org.lvsd.conf.ConfigLoader.LoadResult;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.model.ModelJson;
import org.lvsd.conf.syntax.ParseOptions;

/**
 * {@code lvsd -t} and {@code lvsd --dump-config}: read, validate, report.
 *
 * <p>Like {@code keepalived -t} it needs neither root nor the named interfaces. Every
 * diagnostic goes to {@code err} as {@code file:line: message}; the exit status is 0 when
 * the file is usable (warnings allowed) and 1 otherwise.
 */
final class ConfigCheck {

    private final PrintStream out;
    private final PrintStream err;

    ConfigCheck(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Options options, ParseOptions parseOptions) {
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
}
