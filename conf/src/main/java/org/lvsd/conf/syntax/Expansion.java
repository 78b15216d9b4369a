package org.lvsd.conf.syntax;

/**
 * A line after parameter substitution, stopped at the first multi-line parameter if any.
 *
 * @param done the substituted text up to the multi-line parameter, or the whole line
 * @param multiLine the name of the multi-line parameter met, or null when the line is done
 * @param rest the text after that parameter's reference, not yet substituted ("" when done)
 */
record Expansion(String done, String multiLine, String rest) {

    static Expansion complete(String text) {
        return new Expansion(text, null, "");
    }

    boolean isComplete() {
        return multiLine == null;
    }
}
