package org.lvsd.conf.syntax;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.lvsd.conf.Diagnostic;

/** Test helpers: parse text with fixed options and render trees compactly. */
final class Trees {

    /** Options with config id "main" and a small fixed environment. */
    static final ParseOptions OPTIONS = new ParseOptions("main", Map.of("LVSD_TEST_IF", "eth7"));

    private Trees() {
    }

    static ParseResult parse(String text) {
        return ConfigReader.read(text, "test.conf", OPTIONS);
    }

    /** The top-level statements of {@code text}, rendered; fails on any diagnostic. */
    static String render(String text) {
        ParseResult result = parse(text);
        if (!result.diagnostics().isEmpty()) {
            throw new AssertionError("unexpected diagnostics: " + result.diagnostics());
        }
        return render(result.root());
    }

    /** {@code kw arg arg {child; child}; kw2} for the children of {@code root}. */
    static String render(ImmutableNode root) {
        return root.getChildren().stream().map(Trees::statement).collect(Collectors.joining("; "));
    }

    private static String statement(ImmutableNode node) {
        StringBuilder out = new StringBuilder(node.getNodeName());
        Nodes.args(node).forEach(a -> out.append(' ').append(a));
        if (Nodes.hasBlock(node)) {
            out.append(" {").append(render(node)).append('}');
        }
        return out.toString();
    }

    static List<String> messages(ParseResult result) {
        return result.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    /** Names, words and blocks of the tree, recursively; files and lines are left out. */
    static String shape(ImmutableNode node) {
        StringBuilder out = new StringBuilder(node.getNodeName() == null ? "" : node.getNodeName());
        out.append(Nodes.args(node)).append(Nodes.hasBlock(node) ? "{" : "");
        node.getChildren().forEach(c -> out.append(shape(c)).append(';'));
        return out.append(Nodes.hasBlock(node) ? "}" : "").toString();
    }

    /** The configuration as {@link KeepalivedConfiguration#write} writes it. */
    static String written(ParseResult result) throws IOException {
        StringWriter out = new StringWriter();
        result.config().write(out);
        return out.toString();
    }
}
