package org.lvsd.vrrp.codec;

import java.util.Objects;

/**
 * A received VRRP packet was refused; {@link #reason()} says why, for counting. Carries no
 * stack trace: it describes input, not a program error, and is cheap enough for floods.
 */
public final class VrrpProtocolException extends Exception {

    private final RejectReason reason;

    public VrrpProtocolException(RejectReason reason, String message) {
        super(reason + ": " + message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectReason reason() {
        return reason;
    }
}
