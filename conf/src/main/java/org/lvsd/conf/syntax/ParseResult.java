package org.lvsd.conf.syntax;

import java.util.List;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.lvsd.conf.Diagnostic;

/**
 * What reading a configuration gave.
 *
 * @param config the configuration, as complete as the input allowed
 * @param diagnostics every problem found, in the order found
 */
public record ParseResult(KeepalivedConfiguration config, List<Diagnostic> diagnostics) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** The root node; its children are the top-level statements in order. */
    public ImmutableNode root() {
        return config.root();
    }

    /** Whether any diagnostic is an ERROR. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
