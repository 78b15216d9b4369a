package org.lvsd.conf.syntax;

/**
 * Conditional configuration lines (keepalived.conf(5), "Conditional configuration and
 * configuration id"): a line starting {@code @ID} is kept only when ID is the config id,
 * one starting {@code @^ID} only when it is not.
 */
final class Conditionals {

    private Conditionals() {
    }

    /**
     * The line with its condition removed when the condition holds, the line unchanged when
     * it has none, or null when the line is to be dropped.
     */
    static String apply(String text, String configId) {
        String line = text.stripLeading();
        if (!line.startsWith("@")) {
            return text;
        }
        boolean negated = line.startsWith("@^");
        int idStart = negated ? 2 : 1;
        int idEnd = idStart;
        while (idEnd < line.length() && !Character.isWhitespace(line.charAt(idEnd))) {
            idEnd++;
        }
        boolean matches = line.substring(idStart, idEnd).equals(configId);
        return matches != negated ? line.substring(idEnd) : null;
    }
}
