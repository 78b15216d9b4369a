package org.lvsd.ipvs.table;

/**
 * IPVS TCP connection states with their names and default timeouts (tcp_state_name_table and
 * tcp_timeouts in ip_vs_proto_tcp.c). As in tcp_state_active_table, the pre-established states
 * SYN_SENT, SYN_RECV and SYNACK count as active connections too.
 */
public enum TcpState implements ProtocolState {
    NONE("NONE", 2, false),
    ESTABLISHED("ESTABLISHED", 15 * 60, true),
    SYN_SENT("SYN_SENT", 2 * 60, true),
    SYN_RECV("SYN_RECV", 60, true),
    FIN_WAIT("FIN_WAIT", 2 * 60, false),
    TIME_WAIT("TIME_WAIT", 2 * 60, false),
    CLOSE("CLOSE", 10, false),
    CLOSE_WAIT("CLOSE_WAIT", 60, false),
    LAST_ACK("LAST_ACK", 30, false),
    LISTEN("LISTEN", 2 * 60, false),
    SYNACK("SYNACK", 2 * 60, true);

    private final String label;
    private final int defaultTimeoutSeconds;
    private final boolean active;

    TcpState(String label, int defaultTimeoutSeconds, boolean active) {
        this.label = label;
        this.defaultTimeoutSeconds = defaultTimeoutSeconds;
        this.active = active;
    }

    @Override
    public boolean active() {
        return active;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public int defaultTimeoutSeconds() {
        return defaultTimeoutSeconds;
    }
}
