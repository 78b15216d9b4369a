package org.lvsd.conf.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * csh-style brace expansion of include patterns, as glob(3) with GLOB_BRACE does:
 * {@code a{b,c{d,e}}f} gives {@code abf}, {@code acdf}, {@code acef}, in that order. An
 * empty {@code {}} and an unmatched brace are left as they are.
 */
final class BraceExpansion {

    private BraceExpansion() {
    }

    static List<String> expand(String pattern) {
        List<String> out = new ArrayList<>();
        expandInto(pattern, 0, out);
        return out;
    }

    private static void expandInto(String pattern, int searchFrom, List<String> out) {
        int open = pattern.indexOf('{', searchFrom);
        while (open >= 0 && open + 1 < pattern.length() && pattern.charAt(open + 1) == '}') {
            open = pattern.indexOf('{', open + 2);
        }
        int close = open < 0 ? -1 : matchingBrace(pattern, open);
        if (close < 0) {
            out.add(pattern);
            return;
        }
        String prefix = pattern.substring(0, open);
        String suffix = pattern.substring(close + 1);
        for (String alternative : alternatives(pattern.substring(open + 1, close))) {
            expandInto(prefix + alternative + suffix, prefix.length(), out);
        }
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> alternatives(String inner) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(inner.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(inner.substring(from));
        return parts;
    }
}
