package org.lvsd.conf.model;

import java.util.List;
import java.util.Optional;
import org.lvsd.conf.Diagnostic;

/**
 * The outcome of {@link ModelBuilder#build}: the model, present only when no ERROR was found,
 * and every diagnostic in the order found.
 *
 * @param config the model
 * @param diagnostics errors and warnings
 */
public record BuildResult(Optional<KeepalivedConfig> config, List<Diagnostic> diagnostics) {

    public BuildResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
