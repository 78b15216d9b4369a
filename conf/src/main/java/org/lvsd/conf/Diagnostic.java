package org.lvsd.conf;

/**
 * One message about the configuration, tied to the place it concerns.
 *
 * <p>Rendered as {@code file:line: message}, the way compilers and keepalived's own
 * {@code -t} report, so editors can jump to it. A line of 0 means the whole file.
 *
 * @param severity whether the configuration can still be used
 * @param file the file as the user named it (or as an include resolved it)
 * @param line 1-based line number, 0 when the message concerns the whole file
 * @param message what is wrong and, where possible, what was expected
 */
public record Diagnostic(Severity severity, String file, int line, String message) {

    /** How bad a diagnostic is. */
    public enum Severity {
        /** The configuration is unusable; {@code lvsd -t} exits 1. */
        ERROR,
        /** Something was ignored or defaulted; keepalived would log it and carry on. */
        WARNING
    }

    public static Diagnostic error(String file, int line, String message) {
        return new Diagnostic(Severity.ERROR, file, line, message);
    }

    public static Diagnostic warning(String file, int line, String message) {
        return new Diagnostic(Severity.WARNING, file, line, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return severity == Severity.WARNING
                ? where + ": warning: " + message
                : where + ": " + message;
    }
}
