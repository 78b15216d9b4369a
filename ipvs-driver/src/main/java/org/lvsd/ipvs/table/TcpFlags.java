package org.lvsd.ipvs.table;

/** The TCP header flags the IPVS state machine looks at. */
public record TcpFlags(boolean syn, boolean fin, boolean ack, boolean rst) {
    public static final TcpFlags SYN = new TcpFlags(true, false, false, false);
    public static final TcpFlags SYN_ACK = new TcpFlags(true, false, true, false);
    public static final TcpFlags ACK = new TcpFlags(false, false, true, false);
    public static final TcpFlags FIN_ACK = new TcpFlags(false, true, true, false);
    public static final TcpFlags RST = new TcpFlags(false, false, false, true);
}
