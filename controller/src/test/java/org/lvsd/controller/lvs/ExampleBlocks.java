package org.lvsd.controller.lvs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocks of the shipped example configurations ({@code conf/examples/*.conf}), so tests program
 * the very virtual servers users are shown.
 */
final class ExampleBlocks {

    private ExampleBlocks() {
    }

    /** The example file {@code name} (e.g. "fwmark.conf") of this checkout. */
    static String read(String name) throws IOException {
        Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path file = module.resolve("../conf/examples").resolve(name).normalize();
        if (!Files.exists(file)) {
            file = module.resolve("conf/examples").resolve(name);
        }
        return Files.readString(file);
    }

    /** Every top-level block that starts with {@code keyword}, in order, each as written. */
    static List<String> blocks(String text, String keyword) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = find(text, keyword, from);
            if (start < 0) {
                return out;
            }
            int end = end(text, start);
            out.add(text.substring(start, end) + "\n");
            from = end;
        }
    }

    /** {@code text} with every block that starts with {@code keyword} replaced by {@code replacement}. */
    static String replace(String text, String keyword, String replacement) {
        StringBuilder b = new StringBuilder();
        int from = 0;
        int start;
        while ((start = find(text, keyword, from)) >= 0) {
            b.append(text, from, start).append(replacement);
            from = end(text, start);
        }
        return b.append(text.substring(from)).toString();
    }

    /** Start of the next line-leading (after indentation) {@code keyword}, or -1. */
    private static int find(String text, String keyword, int from) {
        int i = from;
        while ((i = text.indexOf(keyword, i)) >= 0) {
            int lineStart = text.lastIndexOf('\n', i - 1) + 1;
            if (text.substring(lineStart, i).isBlank()) {
                return i;
            }
            i += keyword.length();
        }
        return -1;
    }

    /** Index just past the closing brace of the block starting at {@code start}. */
    private static int end(String text, int start) {
        int depth = 0;
        for (int i = Math.max(text.indexOf('{', start), start); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unbalanced braces after offset " + start);
    }
}
