package org.lvsd.conf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lvsd.conf.model.BuildResult;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.model.ModelBuilder;
import org.lvsd.conf.syntax.ConfigReader;
import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.conf.syntax.ParseResult;

/**
 * Reads a keepalived.conf into the validated model: the syntax pass (includes, parameters,
 * conditionals) followed by the model pass (keywords, defaults, validation). The model is
 * built even after syntax errors so that one run reports as much as it can, but it is
 * returned only when neither pass found an error.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * The outcome of a load.
     *
     * @param config the model, present only without errors
     * @param diagnostics syntax diagnostics, then model diagnostics
     */
    public record LoadResult(Optional<KeepalivedConfig> config, List<Diagnostic> diagnostics) {

        public LoadResult {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** Loads {@code file} and what it includes. */
    public static LoadResult load(Path file, ParseOptions options) {
        return combine(ConfigReader.read(file, options));
    }

    /** Loads {@code text} as if read from a file named {@code pretendName}. */
    public static LoadResult load(String text, String pretendName, ParseOptions options) {
        return combine(ConfigReader.read(text, pretendName, options));
    }

    private static LoadResult combine(ParseResult parsed) {
        BuildResult built = ModelBuilder.build(parsed.root());
        List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
        all.addAll(built.diagnostics());
        boolean errors = all.stream().anyMatch(Diagnostic::isError);
        return new LoadResult(errors ? Optional.empty() : built.config(), all);
    }
}
