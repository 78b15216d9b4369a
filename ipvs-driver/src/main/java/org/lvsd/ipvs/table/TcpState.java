package org.lvsd.ipvs.table;

/**
 * IPVS TCP connection states with their names and default timeouts (tcp_state_name_table and
 * tcp_timeouts in ip_vs_proto_tcp.c). Only ESTABLISHED counts as an active connection.
 */
public enum TcpState {
    NONE("NONE", 2),
    ESTABLISHED("ESTABLISHED", 15 * 60),
    SYN_SENT("SYN_SENT", 2 * 60),
    SYN_RECV("SYN_RECV", 60),
    FIN_WAIT("FIN_WAIT", 2 * 60),
    TIME_WAIT("TIME_WAIT", 2 * 60),
    CLOSE("CLOSE", 10),
    CLOSE_WAIT("CLOSE_WAIT", 60),
    LAST_ACK("LAST_ACK", 30),
    LISTEN("LISTEN", 2 * 60),
    SYNACK("SYNACK", 2 * 60);

    private final String label;
    private final int defaultTimeoutSeconds;

    TcpState(String label, int defaultTimeoutSeconds) {
        this.label = label;
        this.defaultTimeoutSeconds = defaultTimeoutSeconds;
    }

    /** The name shown by ipvsadm -Lc. */
    public String label() {
        return label;
    }

    /** The kernel's default timeout of the state, in seconds. */
    public int defaultTimeoutSeconds() {
        return defaultTimeoutSeconds;
    }
}
