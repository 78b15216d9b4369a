package org.lvsd.conf.syntax;

/**
 * One logical line of configuration text and where it came from.
 *
 * @param file the file as the user named it, or as an include resolved it
 * @param line 1-based line number in that file
 * @param text the text, comments already removed
 */
record SourceLine(String file, int line, String text) {

    SourceLine withText(String newText) {
        return new SourceLine(file, line, newText);
    }
}
