package org.lvsd.conf.syntax;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.lvsd.conf.Diagnostic;

/** Runs the whole pipeline: preprocessor, tokenizer, tree builder. */
final class Parser {

    /**
     * The outcome of one parse.
     *
     * @param root the root node; its children are the top-level statements
     * @param diagnostics every problem found, in the order found
     * @param files every file read, main file first, then includes in the order read
     */
    record Outcome(ImmutableNode root, List<Diagnostic> diagnostics, List<Path> files) {
    }

    private Parser() {
    }

    static Outcome parse(Source source, String text, ParseOptions options) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        TreeBuilder tree = new TreeBuilder(diagnostics);
        Preprocessor preprocessor = new Preprocessor(options, diagnostics,
                line -> tree.accept(Tokenizer.tokenize(line, diagnostics)));
        preprocessor.read(source, text);
        ImmutableNode root = tree.finish();
        return new Outcome(root, List.copyOf(diagnostics), preprocessor.files());
    }
}
