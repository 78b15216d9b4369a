package org.lvsd.conf.syntax;

import java.nio.file.Path;

/**
 * A configuration file being read.
 *
 * @param name the file as the user named it, or as an include resolved it
 * @param directory the directory relative includes and {@code ${_PWD}} refer to
 * @param identity the file's real path, to detect include cycles; null for text that is
 *     not a file
 */
record Source(String name, Path directory, Path identity) {

    /** {@code ${_PWD}}: the absolute directory of this file. */
    String pwd() {
        return directory.toAbsolutePath().normalize().toString();
    }

    /** The source for a file named {@code file}. */
    static Source ofFile(Path file, Path identity) {
        Path parent = file.getParent();
        return new Source(file.toString(), parent == null ? Path.of("") : parent, identity);
    }
}
