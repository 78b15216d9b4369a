package org.lvsd.conf.model;

/**
 * The place a configuration element came from.
 *
 * @param file the file as the parser named it
 * @param line 1-based line number
 */
public record Where(String file, int line) {

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
