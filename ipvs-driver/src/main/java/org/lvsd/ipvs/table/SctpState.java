package org.lvsd.ipvs.table;

/**
 * IPVS SCTP connection states with their names and default timeouts (sctp_state_name_table and
 * sctp_timeouts in ip_vs_proto_sctp.c; IP_VS_SCTP_MAX_RTO is 61 s). Only ESTABLISHED counts as
 * an active connection. A new association is in INIT1 after the client's INIT.
 */
public enum SctpState implements ProtocolState {
    NONE("NONE", 2),
    INIT1("INIT1", 4),
    INIT("INIT", 61),
    COOKIE_SENT("C-SENT", 61),
    COOKIE_REPLIED("C-REPLIED", 61),
    COOKIE_WAIT("C-WAIT", 61),
    COOKIE("COOKIE", 61),
    COOKIE_ECHOED("C-ECHOED", 61),
    ESTABLISHED("ESTABLISHED", 15 * 60),
    SHUTDOWN_SENT("S-SENT", 61),
    SHUTDOWN_RECEIVED("S-RECEIVED", 61),
    SHUTDOWN_ACK_SENT("S-ACK-SENT", 61),
    REJECTED("REJECTED", 4),
    CLOSED("CLOSED", 61);

    private final String label;
    private final int defaultTimeoutSeconds;

    SctpState(String label, int defaultTimeoutSeconds) {
        this.label = label;
        this.defaultTimeoutSeconds = defaultTimeoutSeconds;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public int defaultTimeoutSeconds() {
        return defaultTimeoutSeconds;
    }

    @Override
    public boolean active() {
        return this == ESTABLISHED;
    }
}
