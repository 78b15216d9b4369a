package org.lvsd.conf.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code ~SEQ}, {@code ~SEQx} or {@code ~LST} line loop (keepalived.conf(5), "Sequence
 * blocks" and "List blocks"): the rest of the line is processed once per iteration, with
 * the loop's parameters defined for that iteration.
 *
 * <ul>
 *   <li>{@code ~SEQ(var, [[start,] step,] end)}: start defaults to 1 (-1 when end is
 *       negative), step to 1 or -1 towards end; numbers may be hexadecimal ({@code 0x});
 *       {@code ~SEQx} formats the value in lower-case hexadecimal.
 *   <li>{@code ~LST(var, v1, v2, ...)} or {@code ~LST({a, b}, {1, 2}, {3, 4})}.
 * </ul>
 *
 * @param iterations the parameter values of each iteration, in order
 * @param rest the text after the loop header
 */
record LineLoop(List<Map<String, String>> iterations, String rest) {

    /** More iterations than this is taken as a mistake rather than a configuration. */
    static final long MAX_ITERATIONS = 1_000_000;

    /** Whether {@code text} starts with a loop header. */
    static boolean startsLoop(String text) {
        String t = text.stripLeading();
        return t.startsWith("~SEQ(") || t.startsWith("~SEQx(") || t.startsWith("~LST(");
    }

    /**
     * Parses the loop at the start of {@code text}.
     *
     * @throws IllegalArgumentException with the message to report when the header is malformed
     */
    static LineLoop parse(String text) {
        String t = text.stripLeading();
        int open = t.indexOf('(');
        String kind = t.substring(1, open);
        int close = matchingParen(t, open);
        if (close < 0) {
            throw new IllegalArgumentException("~" + kind + " has no closing ')'");
        }
        List<String> fields = splitTopLevel(t.substring(open + 1, close));
        String rest = t.substring(close + 1);
        return kind.equals("LST") ? list(fields, rest) : sequence(kind, fields, rest);
    }

    private static LineLoop sequence(String kind, List<String> fields, String rest) {
        if (fields.size() < 2 || fields.size() > 4) {
            throw new IllegalArgumentException("~" + kind + " needs (var, [[start,] step,] end), got "
                    + fields.size() + " fields");
        }
        String var = variable(kind, fields.get(0));
        long end = number(kind, fields.get(fields.size() - 1));
        long start = fields.size() >= 3 ? number(kind, fields.get(1)) : end < 0 ? -1 : 1;
        long step = fields.size() == 4 ? number(kind, fields.get(2)) : end >= start ? 1 : -1;
        if (step == 0) {
            throw new IllegalArgumentException("~" + kind + " step must not be 0");
        }
        List<Map<String, String>> iterations = new ArrayList<>();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            if (iterations.size() >= MAX_ITERATIONS) {
                throw new IllegalArgumentException("~" + kind + " has more than " + MAX_ITERATIONS + " iterations");
            }
            String value = kind.equals("SEQx") ? Long.toHexString(v) : Long.toString(v);
            iterations.add(Map.of(var, value));
        }
        return new LineLoop(List.copyOf(iterations), rest);
    }

    private static LineLoop list(List<String> fields, String rest) {
        if (fields.size() < 2) {
            throw new IllegalArgumentException("~LST needs a variable and at least one value");
        }
        List<String> vars = group(fields.get(0));
        vars.replaceAll(v -> variable("LST", v));
        List<Map<String, String>> iterations = new ArrayList<>();
        for (String field : fields.subList(1, fields.size())) {
            List<String> values = group(field);
            if (values.size() != vars.size()) {
                throw new IllegalArgumentException("~LST value '" + field + "' has " + values.size()
                        + " parts for " + vars.size() + " variables");
            }
            Map<String, String> iteration = new LinkedHashMap<>();
            for (int i = 0; i < vars.size(); i++) {
                iteration.put(vars.get(i), values.get(i));
            }
            iterations.add(iteration);
        }
        return new LineLoop(List.copyOf(iterations), rest);
    }

    /** The parts of {@code {a, b}}, or the single field itself. */
    private static List<String> group(String field) {
        if (field.startsWith("{") && field.endsWith("}")) {
            return splitTopLevel(field.substring(1, field.length() - 1));
        }
        return new ArrayList<>(List.of(field));
    }

    private static String variable(String kind, String name) {
        if (name.isEmpty() || Reference.nameEnd(name, 0) != name.length()) {
            throw new IllegalArgumentException("~" + kind + " variable '" + name + "' is not a parameter name");
        }
        return name;
    }

    private static long number(String kind, String field) {
        try {
            boolean negative = field.startsWith("-");
            String digits = negative ? field.substring(1) : field;
            long value = digits.startsWith("0x") || digits.startsWith("0X")
                    ? Long.parseLong(digits.substring(2), 16)
                    : Long.parseLong(digits);
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("~" + kind + " value '" + field + "' is not a number");
        }
    }

    private static int matchingParen(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Splits on commas outside braces; each part stripped. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(from, i).strip());
                from = i + 1;
            }
        }
        parts.add(text.substring(from).strip());
        return parts;
    }
}
