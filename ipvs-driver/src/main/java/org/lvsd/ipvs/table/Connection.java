package org.lvsd.ipvs.table;

import java.net.InetAddress;
import org.lvsd.ipvs.ConnectionEntry;
import org.lvsd.ipvs.Protocol;

/** One connection or persistence template (struct ip_vs_conn) in the in-memory table. */
final class Connection {
    /** Lookup identity: protocol and the client/virtual endpoints, separately for templates. */
    record Key(boolean template, Protocol protocol, InetAddress clientAddress, int clientPort,
               InetAddress virtualAddress, int virtualPort) {
    }

    Key key;
    /** The entry's key in the table: {@link #key}, or a token of its own once invalidated. */
    Object slot;
    final InetAddress destAddress;
    int destPort;
    final DestState dest;
    final Connection control;
    String state;
    /** The TCP state for TCP connections (the label alone for others). */
    TcpState tcpState;
    /** IP_VS_CONN_F_NOOUTPUT: no server-to-client packet seen on a non-NAT connection yet. */
    boolean noOutput;
    boolean active;
    long timeoutMillis;
    long expiresAt;
    int controlled;
    /** The earliest deadline of this entry's timer still queued, Long.MAX_VALUE for none. */
    long queuedDeadline = Long.MAX_VALUE;

    Connection(Key key, DestState dest, int destPort, Connection control, String state, long timeoutMillis,
               long now) {
        this.key = key;
        this.slot = key;
        this.dest = dest;
        this.destAddress = dest.config.server().address();
        this.destPort = destPort;
        this.control = control;
        this.state = state;
        this.timeoutMillis = timeoutMillis;
        this.expiresAt = now + timeoutMillis;
    }

    ConnectionEntry entry(long now) {
        long seconds = Math.max(0, expiresAt - now) / 1000;
        return new ConnectionEntry(key.protocol(), key.clientAddress(), key.clientPort(), key.virtualAddress(),
                key.virtualPort(), destAddress, destPort, state, seconds, key.template(), "", "");
    }
}
