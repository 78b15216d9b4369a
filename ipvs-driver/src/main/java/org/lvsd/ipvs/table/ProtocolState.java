package org.lvsd.ipvs.table;

/** A connection state of a protocol's IPVS state machine: its name, default timeout and activity. */
public interface ProtocolState {

    /** The name shown by ipvsadm -Lc. */
    String label();

    /** The kernel's default timeout of the state, in seconds. */
    int defaultTimeoutSeconds();

    /** Whether a connection in this state counts in ActiveConn (else InActConn). */
    boolean active();
}
