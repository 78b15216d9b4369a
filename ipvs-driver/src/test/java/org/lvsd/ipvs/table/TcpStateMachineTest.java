package org.lvsd.ipvs.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.table.Net.WEB;
import static org.lvsd.ipvs.table.Net.ip;
import static org.lvsd.ipvs.table.Net.rs;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.TestClock;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.sched.Flow;

/** TCP packets through the kernel's state table (tcp_states, set_tcp_state). */
class TcpStateMachineTest {
    private static final Flow FLOW = new Flow(ip("203.0.113.9"), 40000, ip("198.51.100.100"), 80);

    private final InMemoryIpvsDriver driver = new InMemoryIpvsDriver(new TestClock());

    private void serviceWith(ForwardMethod forward) throws Exception {
        driver.addService(VirtualService.of(WEB, "rr"));
        driver.addDestination(WEB, Destination.of(rs("198.51.100.21", 80), forward, 1));
        driver.connect(Protocol.TCP, FLOW, 0);
    }

    private String packet(boolean fromClient, TcpFlags flags) {
        driver.tcpPacket(FLOW, fromClient, flags);
        var e = driver.connections().get(0);
        var d = driver.list().get(0).destinations().get(0);
        return e.state() + "/" + e.expiresSeconds() + "/" + d.activeConns() + ":" + d.inactConns();
    }

    @Test
    void natConnectionSeesBothDirections() throws Exception {
        serviceWith(ForwardMethod.MASQ);
        List<String> states = new ArrayList<>();
        states.add(packet(false, TcpFlags.SYN_ACK));
        states.add(packet(true, TcpFlags.ACK));
        states.add(packet(true, TcpFlags.FIN_ACK));
        states.add(packet(false, TcpFlags.FIN_ACK));
        states.add(packet(true, TcpFlags.ACK));
        assertEquals(List.of("SYN_RECV/60/1:0", "ESTABLISHED/900/1:0", "CLOSE_WAIT/60/0:1", "TIME_WAIT/120/0:1",
                "TIME_WAIT/120/0:1"), states);
    }

    @Test
    void directRoutingConnectionUsesTheInputOnlyTable() throws Exception {
        serviceWith(ForwardMethod.ROUTE);
        List<String> states = new ArrayList<>();
        states.add(packet(true, TcpFlags.ACK));
        states.add(packet(true, TcpFlags.FIN_ACK));
        states.add(packet(true, TcpFlags.ACK));
        assertEquals(List.of("ESTABLISHED/900/1:0", "FIN_WAIT/120/0:1", "FIN_WAIT/120/0:1"), states);
    }

    @Test
    void resetAndFlaglessPacketsClose() throws Exception {
        serviceWith(ForwardMethod.MASQ);
        packet(true, TcpFlags.ACK);
        assertEquals("CLOSE/10/0:1", packet(true, TcpFlags.RST));
        assertEquals("SYN_RECV/60/1:0", packet(true, TcpFlags.SYN));
        assertEquals("CLOSE/10/0:1", packet(true, new TcpFlags(false, false, false, false)));
    }

    @Test
    void unknownFlowIsReported() throws Exception {
        serviceWith(ForwardMethod.MASQ);
        assertEquals(false, driver.tcpPacket(new Flow(ip("203.0.113.9"), 1, ip("198.51.100.100"), 80), true,
                TcpFlags.ACK));
    }

    @Test
    void tableRowsForTheNatHandshakeFromNone() {
        assertEquals(TcpState.SYN_RECV, TcpStateTable.next(TcpState.NONE, TcpStateTable.Direction.INPUT, TcpFlags.SYN));
        assertEquals(TcpState.SYN_SENT, TcpStateTable.next(TcpState.NONE, TcpStateTable.Direction.OUTPUT,
                TcpFlags.SYN));
        assertEquals(TcpState.ESTABLISHED, TcpStateTable.next(TcpState.NONE, TcpStateTable.Direction.INPUT_ONLY,
                TcpFlags.ACK));
        assertEquals(TcpState.SYN_RECV, TcpStateTable.next(TcpState.SYNACK, TcpStateTable.Direction.INPUT,
                TcpFlags.RST));
        assertEquals(TcpState.CLOSE, TcpStateTable.next(TcpState.SYNACK, TcpStateTable.Direction.INPUT_ONLY,
                TcpFlags.RST));
    }
}
