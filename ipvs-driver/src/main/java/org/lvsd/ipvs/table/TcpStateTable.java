package org.lvsd.ipvs.table;

/**
 * The kernel's TCP state table (tcp_states in ip_vs_proto_tcp.c, the non-secure_tcp variant):
 * the next state from the current one, the packet's direction and its flags. RST takes precedence
 * over SYN, SYN over FIN, FIN over ACK; a packet with none of them moves the connection to CLOSE.
 */
final class TcpStateTable {
    /** Which half of the table applies (IP_VS_DIR_* with the NO_OUTPUT variant). */
    enum Direction {
        /** Client to server on a connection whose replies pass the director (NAT). */
        INPUT,
        /** Server to client. */
        OUTPUT,
        /** Client to server while no reply has been seen (DR, TUN, or NAT before the first reply). */
        INPUT_ONLY
    }

    private static final TcpState ES = TcpState.ESTABLISHED;
    private static final TcpState SS = TcpState.SYN_SENT;
    private static final TcpState SR = TcpState.SYN_RECV;
    private static final TcpState FW = TcpState.FIN_WAIT;
    private static final TcpState TW = TcpState.TIME_WAIT;
    private static final TcpState CL = TcpState.CLOSE;
    private static final TcpState CW = TcpState.CLOSE_WAIT;
    private static final TcpState LA = TcpState.LAST_ACK;
    private static final TcpState LI = TcpState.LISTEN;
    private static final TcpState SA = TcpState.SYNACK;

    /** [direction][syn, fin, ack, rst][current state in TcpState order]. */
    private static final TcpState[][][] NEXT = {
        {
            {SR, ES, ES, SR, SR, SR, SR, SR, SR, SR, SR},
            {CL, CW, SS, TW, TW, TW, CL, CW, LA, LI, TW},
            {ES, ES, SS, ES, FW, TW, CL, CW, CL, LI, ES},
            {CL, CL, CL, SR, CL, CL, CL, CL, LA, LI, SR},
        },
        {
            {SS, ES, SS, SR, SS, SS, SS, SS, SS, LI, SR},
            {TW, FW, SS, TW, FW, TW, CL, TW, LA, LI, TW},
            {ES, ES, SS, ES, FW, TW, CL, CW, LA, ES, ES},
            {CL, CL, SS, CL, CL, TW, CL, CL, CL, CL, CL},
        },
        {
            {SR, ES, ES, SR, SR, SR, SR, SR, SR, SR, SR},
            {CL, FW, SS, TW, FW, TW, CL, CW, LA, LI, TW},
            {ES, ES, SS, ES, FW, TW, CL, CW, CL, LI, ES},
            {CL, CL, CL, SR, CL, CL, CL, CL, LA, LI, CL},
        },
    };

    private TcpStateTable() {
    }

    static TcpState next(TcpState current, Direction direction, TcpFlags flags) {
        int index;
        if (flags.rst()) {
            index = 3;
        } else if (flags.syn()) {
            index = 0;
        } else if (flags.fin()) {
            index = 1;
        } else if (flags.ack()) {
            index = 2;
        } else {
            return TcpState.CLOSE;
        }
        return NEXT[direction.ordinal()][index][current.ordinal()];
    }
}
