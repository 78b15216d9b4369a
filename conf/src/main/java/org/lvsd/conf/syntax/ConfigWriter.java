package org.lvsd.conf.syntax;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * Writes a statement tree as normalised keepalived.conf text: one statement per line,
 * blocks opened on the keyword's line and indented by four spaces, words quoted only when
 * they must be. Reading the text back gives the same names, words and blocks.
 *
 * <p>A quoted word uses double quotes with the escapes {@link Tokenizer} reads; '$' is
 * written as {@code \044} so that no parameter substitution can change the word, and a
 * leading '@' or '~', or an {@code include} keyword, is quoted so it is not taken for a
 * condition, a loop or an include.
 */
final class ConfigWriter {

    private static final String INDENT = "    ";
    private static final Set<String> INCLUDE_KEYWORDS =
            Set.of("include", "includer", "includem", "includew", "includeb", "includea");

    private ConfigWriter() {
    }

    static void write(ImmutableNode root, Writer out) throws IOException {
        for (ImmutableNode child : root.getChildren()) {
            write(child, 0, out);
        }
        out.flush();
    }

    private static void write(ImmutableNode node, int depth, Writer out) throws IOException {
        List<String> words = new ArrayList<>();
        words.add(INCLUDE_KEYWORDS.contains(node.getNodeName()) ? quote(node.getNodeName()) : word(node.getNodeName()));
        for (String arg : Nodes.args(node)) {
            words.add(word(arg));
        }
        if (node.getValue() != null) {
            words.add(word(String.valueOf(node.getValue())));
        }
        out.write(INDENT.repeat(depth));
        out.write(String.join(" ", words));
        if (Nodes.hasBlock(node) || !node.getChildren().isEmpty()) {
            out.write(" {\n");
            for (ImmutableNode child : node.getChildren()) {
                write(child, depth + 1, out);
            }
            out.write(INDENT.repeat(depth));
            out.write('}');
        }
        out.write('\n');
    }

    /** The word as written: bare when that reads back unchanged, quoted otherwise. */
    static String word(String word) {
        if (word.isEmpty() || word.startsWith("@") || word.startsWith("~")) {
            return quote(word);
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c <= ' ' || c == 0x7f || "\"'\\{}#!$".indexOf(c) >= 0 || Character.isWhitespace(c)) {
                return quote(word);
            }
        }
        return word;
    }

    private static String quote(String word) {
        StringBuilder out = new StringBuilder(word.length() + 2).append('"');
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == '$' || c < ' ' || c == 0x7f) {
                        out.append(String.format("\\%03o", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
