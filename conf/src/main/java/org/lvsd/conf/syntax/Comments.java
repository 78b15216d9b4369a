package org.lvsd.conf.syntax;

/**
 * Removes keepalived.conf comments: from an unquoted {@code #} or {@code !} to the end of
 * the line (keepalived.conf(5), DESCRIPTION). Quote tracking matches {@link Tokenizer}, so
 * a {@code #} inside {@code "..."} or {@code '...'} is kept.
 */
final class Comments {

    private Comments() {
    }

    /** The line without its comment; trailing whitespace is kept. */
    static String strip(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '#' || c == '!') {
                return line.substring(0, i);
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '\\' && i + 1 < line.length() && Tokenizer.isEscapableOutsideQuotes(line.charAt(i + 1))) {
                i++;
            }
        }
        return line;
    }
}
