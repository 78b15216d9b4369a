package org.lvsd.conf.syntax;

/**
 * A parameter reference found in a line: {@code $NAME} followed by whitespace or the end
 * of the line, or {@code ${NAME}}, or a pre-defined one with an argument such as
 * {@code ${_ENV HOME}} (keepalived.conf(5), "Parameter substitution").
 *
 * @param name the parameter name
 * @param argument the text after the name inside the braces, or "" for none
 * @param end the index just after the reference
 * @param written the reference as written
 */
record Reference(String name, String argument, int end, String written) {

    /** The reference starting at {@code text[start]} (a '$'), or null when there is none. */
    static Reference at(String text, int start) {
        int from = start + 1;
        if (from < text.length() && text.charAt(from) == '{') {
            int close = text.indexOf('}', from + 1);
            if (close < 0) {
                return null;
            }
            String content = text.substring(from + 1, close);
            int nameEnd = nameEnd(content, 0);
            if (nameEnd == 0) {
                return null;
            }
            String argument = content.substring(nameEnd);
            if (!argument.isEmpty() && !Character.isWhitespace(argument.charAt(0))) {
                return null;
            }
            return new Reference(content.substring(0, nameEnd), argument.strip(), close + 1,
                    text.substring(start, close + 1));
        }
        int end = nameEnd(text, from);
        if (end == from || end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            return null;
        }
        return new Reference(text.substring(from, end), "", end, text.substring(start, end));
    }

    /** The end of the parameter name starting at {@code from}; {@code from} when there is none. */
    static int nameEnd(String text, int from) {
        if (from >= text.length() || !isNameStart(text.charAt(from))) {
            return from;
        }
        int end = from + 1;
        while (end < text.length() && isNamePart(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }
}
