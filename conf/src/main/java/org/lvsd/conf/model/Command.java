package org.lvsd.conf.model;

import java.util.List;
import java.util.Optional;

/**
 * A script to run: argv split the way keepalived splits script lines (unquoted spaces
 * separate words, single or double quotes group them, backslash escapes), and the optional
 * user and group to run it as.
 *
 * @param argv program and arguments
 * @param user user to run as, empty for the global {@code script_user}
 * @param group group to run as
 * @param where origin, so problems found when it runs can name the line
 */
public record Command(List<String> argv, Optional<String> user, Optional<String> group, Where where) {

    public Command {
        argv = List.copyOf(argv);
    }

    /** Splits a script line into words, honouring quotes and backslash escapes. */
    public static List<String> split(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                inWord = true;
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
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
}
