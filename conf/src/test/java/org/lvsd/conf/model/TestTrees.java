package org.lvsd.conf.model;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * Builds trees following the parser's tree contract from keepalived-style text, so model
 * tests can be written as configuration text: words split on blanks, double quotes group,
 * {@code #} and {@code !} start comments, a statement ends at a newline, {@code {} or {@code }}.
 */
final class TestTrees {

    static final String FILE = "lvsd.conf";

    private TestTrees() {
    }

    /** A statement under construction. */
    private static final class Node {
        final List<String> words;
        final int line;
        final List<Node> children = new ArrayList<>();
        boolean block;

        Node(List<String> words, int line) {
            this.words = words;
            this.line = line;
        }

        ImmutableNode toImmutable() {
            ImmutableNode.Builder b = new ImmutableNode.Builder().name(words.get(0))
                    .addAttribute("args", List.copyOf(words.subList(1, words.size())))
                    .addAttribute("file", FILE)
                    .addAttribute("line", line);
            if (block) {
                b.addAttribute("block", Boolean.TRUE);
            }
            children.forEach(c -> b.addChild(c.toImmutable()));
            return b.create();
        }
    }

    static ImmutableNode parse(String text) {
        Node root = new Node(List.of("root"), 0);
        List<Node> stack = new ArrayList<>(List.of(root));
        String[] lines = text.split("\n", -1);
        for (int ln = 0; ln < lines.length; ln++) {
            List<String> words = new ArrayList<>();
            for (String tok : tokens(lines[ln])) {
                Node top = stack.get(stack.size() - 1);
                if (tok.equals("{")) {
                    Node n = new Node(words, ln + 1);
                    n.block = true;
                    top.children.add(n);
                    stack.add(n);
                    words = new ArrayList<>();
                } else if (tok.equals("}")) {
                    if (!words.isEmpty()) {
                        top.children.add(new Node(words, ln + 1));
                        words = new ArrayList<>();
                    }
                    stack.remove(stack.size() - 1);
                } else {
                    words.add(tok);
                }
            }
            if (!words.isEmpty()) {
                stack.get(stack.size() - 1).children.add(new Node(words, ln + 1));
            }
        }
        ImmutableNode.Builder b = new ImmutableNode.Builder().name("keepalived");
        root.children.forEach(c -> b.addChild(c.toImmutable()));
        return b.create();
    }

    private static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                inWord = true;
            } else if (c == '#' || c == '!') {
                break;
            } else if (c == '{' || c == '}' || Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
                if (c != ' ' && c != '\t') {
                    out.add(String.valueOf(c));
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Builds the model from text. */
    static BuildResult build(String text) {
        return ModelBuilder.build(parse(text));
    }

    /** Builds and returns the model, failing with the diagnostics when there is none. */
    static KeepalivedConfig model(String text) {
        BuildResult r = build(text);
        return r.config().orElseThrow(() -> new AssertionError("no model: " + r.diagnostics()));
    }

    /** The diagnostics as {@code file:line: message} strings. */
    static List<String> messages(String text) {
        return build(text).diagnostics().stream().map(Object::toString).toList();
    }
}
