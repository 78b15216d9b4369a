package org.lvsd.ipvs;

/**
 * A refused IPVS operation: an errno-like {@link #reason()} plus a message naming the object in
 * ipvsadm syntax, e.g. {@code TCP 198.51.100.100:80 -> 198.51.100.21:80: destination already exists}.
 */
public final class IpvsException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Errno reason;

    public IpvsException(Errno reason, String message) {
        super(message);
        this.reason = reason;
    }

    public IpvsException(Errno reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The errno the kernel would have returned. */
    public Errno reason() {
        return reason;
    }
}
