package org.lvsd.netlink;

import java.io.IOException;
import java.util.Optional;

/**
 * A netlink operation failed: the kernel answered with an error, a system call failed, or no
 * answer came in time ({@link Errno#ETIMEDOUT}). Carries the error number, the request's
 * message type and the kernel's extended-ack text when it sent one.
 */
public class NetlinkException extends IOException {
    private final int code;
    private final int requestType;
    private final String operation;
    private final Optional<String> extAck;

    /**
     * @param operation what was attempted, e.g. "add address 198.51.100.100/24 to ifindex 2"
     * @param requestType the request's {@code nlmsg_type}, or -1 when not tied to a request
     * @param code positive errno
     * @param extAck the kernel's {@code NLMSGERR_ATTR_MSG}, if any
     */
    public NetlinkException(String operation, int requestType, int code, Optional<String> extAck) {
        super(operation + ": " + Errno.describe(code) + extAck.map(m -> ": " + m).orElse(""));
        this.operation = operation;
        this.requestType = requestType;
        this.code = code;
        this.extAck = extAck;
    }

    /** The positive error number. */
    public int code() {
        return code;
    }

    /** The error as an {@link Errno}, empty for numbers outside the table. */
    public Optional<Errno> errno() {
        return Errno.fromCode(code);
    }

    /** Whether the error is {@code e}. */
    public boolean is(Errno e) {
        return code == e.code();
    }

    /** The request's {@code nlmsg_type}, or -1. */
    public int requestType() {
        return requestType;
    }

    /** What was attempted. */
    public String operation() {
        return operation;
    }

    /** The kernel's extended-ack message. */
    public Optional<String> extAck() {
        return extAck;
    }
}
