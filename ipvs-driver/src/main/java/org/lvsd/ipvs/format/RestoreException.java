package org.lvsd.ipvs.format;

/**
 * A restore input line that ipvsadm would reject, or that the driver refused. The message starts
 * with {@code line N: }; for driver refusals the cause is the {@link org.lvsd.ipvs.IpvsException}.
 */
public final class RestoreException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    public RestoreException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public RestoreException(int line, String message, Throwable cause) {
        super("line " + line + ": " + message, cause);
        this.line = line;
    }

    /** The 1-based line number. */
    public int line() {
        return line;
    }
}
