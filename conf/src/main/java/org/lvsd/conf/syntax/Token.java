package org.lvsd.conf.syntax;

/**
 * A word or a brace of one logical line.
 *
 * @param kind what the token is
 * @param text the word with quotes removed and escapes applied; "{" or "}" for braces
 * @param file where the token was read
 * @param line 1-based line of the token
 */
record Token(Kind kind, String text, String file, int line) {

    /** The three things a line splits into. */
    enum Kind {
        WORD,
        OPEN,
        CLOSE
    }
}
