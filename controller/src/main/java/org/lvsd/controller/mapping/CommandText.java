package org.lvsd.controller.mapping;

import java.util.List;
import java.util.StringJoiner;

/**
 * Renders an argument vector as one script line that {@link org.lvsd.conf.model.Command#split}
 * splits back into the same words: the healthcheck module carries {@code notify_up},
 * {@code notify_down}, {@code quorum_up} and {@code quorum_down} as strings, and whoever runs them
 * recovers the argv without a shell.
 */
public final class CommandText {

    private CommandText() {
    }

    /** Words joined by spaces; a word with blanks, quotes, backslashes or no characters is quoted. */
    public static String join(List<String> argv) {
        StringJoiner out = new StringJoiner(" ");
        for (String word : argv) {
            out.add(quote(word));
        }
        return out.toString();
    }

    private static String quote(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"'
                || c == '\\')) {
            return word;
        }
        if (word.indexOf('\'') < 0) {
            return "'" + word + "'";
        }
        StringBuilder b = new StringBuilder();
        for (char c : word.toCharArray()) {
            if (Character.isWhitespace(c) || c == '\'' || c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
