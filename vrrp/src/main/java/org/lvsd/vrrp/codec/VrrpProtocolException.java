package org.lvsd.vrrp.codec;

import java.util.Objects;

/** A received VRRP packet was refused; {@link #reason()} says why, for counting. */
public final class VrrpProtocolException extends Exception {

    private final RejectReason reason;

    public VrrpProtocolException(RejectReason reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectReason reason() {
        return reason;
    }
}
