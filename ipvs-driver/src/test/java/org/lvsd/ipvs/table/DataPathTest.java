package org.lvsd.ipvs.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lvsd.ipvs.table.Net.WEB;
import static org.lvsd.ipvs.table.Net.ip;
import static org.lvsd.ipvs.table.Net.rs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.ConnectionEntry;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.TestClock;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.sched.Flow;

/** Connection counters, thresholds and expiry of the modelled data path. */
class DataPathTest {
    private final TestClock clock = new TestClock();
    private final InMemoryIpvsDriver driver = new InMemoryIpvsDriver(clock);

    @BeforeEach
    void rrService() throws Exception {
        driver.addService(VirtualService.of(WEB, "rr"));
    }

    private static Flow from(int clientPort) {
        return new Flow(ip("203.0.113.9"), clientPort, ip("198.51.100.100"), 80);
    }

    private DestinationEntry dest(ServiceKey key, RealServer server) throws Exception {
        return driver.list().stream().filter(s -> s.service().key().equals(key)).findFirst().orElseThrow()
                .destinations().stream().filter(d -> d.destination().server().equals(server)).findFirst()
                .orElseThrow();
    }

    @Test
    void preEstablishedAndEstablishedTcpCountActiveClosingStatesInactive() throws Exception {
        RealServer a = rs("198.51.100.21", 80);
        driver.addDestination(WEB, Destination.of(a, ForwardMethod.ROUTE, 1));
        assertEquals(Optional.of(a), driver.connect(Protocol.TCP, from(40000), 0));
        assertEquals(List.of(1, 0), counts(a));
        driver.transition(Protocol.TCP, from(40000), TcpState.ESTABLISHED);
        assertEquals(List.of(1, 0), counts(a));
        driver.transition(Protocol.TCP, from(40000), TcpState.FIN_WAIT);
        assertEquals(List.of(0, 1), counts(a));
        driver.transition(Protocol.TCP, from(40000), TcpState.SYNACK);
        assertEquals(List.of(1, 0), counts(a));
        assertEquals(1, dest(WEB, a).stats().conns());
        assertEquals(1, driver.list().get(0).stats().conns());
    }

    /** Moves the client's connection to CLOSE and lets CLOSE's 10 s timeout (tcp_timeouts) pass. */
    private void closeAndExpire(int clientPort) {
        driver.transition(Protocol.TCP, from(clientPort), TcpState.CLOSE);
        clock.advance(Duration.ofSeconds(10));
        driver.expire();
    }

    private List<Integer> counts(RealServer server) throws Exception {
        DestinationEntry d = dest(WEB, server);
        return List.of(d.activeConns(), d.inactConns());
    }

    @Test
    void existingConnectionKeepsItsServer() throws Exception {
        driver.addDestination(WEB, Destination.of(rs("198.51.100.21", 80), ForwardMethod.ROUTE, 1));
        driver.addDestination(WEB, Destination.of(rs("198.51.100.22", 80), ForwardMethod.ROUTE, 1));
        RealServer first = driver.connect(Protocol.TCP, from(40000), 0).orElseThrow();
        assertEquals(Optional.of(first), driver.connect(Protocol.TCP, from(40000), 0));
        assertEquals(1, driver.connections().size());
    }

    @Test
    void upperThresholdStopsNewConnectionsUntilBelowThreeQuarters() throws Exception {
        RealServer a = rs("198.51.100.21", 80);
        RealServer b = rs("198.51.100.22", 80);
        driver.addDestination(WEB, Destination.of(b, ForwardMethod.ROUTE, 1));
        driver.addDestination(WEB, Destination.of(a, ForwardMethod.ROUTE, 1).withThresholds(4, 0));
        // rr starts at the head: a (newest), b, a, b, ... until a holds 4 connections
        for (int i = 0; i < 8; i++) {
            driver.connect(Protocol.TCP, from(40000 + i), 0);
        }
        assertEquals(4, dest(WEB, a).activeConns());
        assertEquals(Optional.of(b), driver.connect(Protocol.TCP, from(40100), 0));
        assertEquals(Optional.of(b), driver.connect(Protocol.TCP, from(40101), 0));
        // closing one of a's connections leaves 3: 3 * 4 < 4 * 3 is false, still overloaded
        closeAndExpire(40000);
        assertEquals(3, dest(WEB, a).activeConns());
        assertEquals(Optional.of(b), driver.connect(Protocol.TCP, from(40102), 0));
        // a second close leaves 2: below 3/4 of 4, a takes connections again
        closeAndExpire(40002);
        assertEquals(Optional.of(a), driver.connect(Protocol.TCP, from(40103), 0));
    }

    @Test
    void lowerThresholdDecidesWhenOverloadClears() throws Exception {
        RealServer a = rs("198.51.100.21", 80);
        driver.addDestination(WEB, Destination.of(a, ForwardMethod.ROUTE, 1).withThresholds(2, 1));
        driver.connect(Protocol.TCP, from(1), 0);
        driver.connect(Protocol.TCP, from(2), 0);
        assertEquals(Optional.empty(), driver.connect(Protocol.TCP, from(3), 0));
        closeAndExpire(1);
        assertEquals(Optional.empty(), driver.connect(Protocol.TCP, from(4), 0));
        closeAndExpire(2);
        assertEquals(Optional.of(a), driver.connect(Protocol.TCP, from(5), 0));
    }

    @Test
    void raisingTheUpperThresholdClearsOverload() throws Exception {
        RealServer a = rs("198.51.100.21", 80);
        Destination d = Destination.of(a, ForwardMethod.ROUTE, 1).withThresholds(1, 0);
        driver.addDestination(WEB, d);
        driver.connect(Protocol.TCP, from(1), 0);
        assertEquals(Optional.empty(), driver.connect(Protocol.TCP, from(2), 0));
        driver.editDestination(WEB, d.withThresholds(5, 0));
        assertEquals(Optional.of(a), driver.connect(Protocol.TCP, from(3), 0));
    }

    @Test
    void connectionsExpireByStateTimeoutAndListRemainingSeconds() throws Exception {
        driver.addDestination(WEB, Destination.of(rs("198.51.100.21", 8080), ForwardMethod.MASQ, 1));
        driver.connect(Protocol.TCP, from(40000), 0);
        clock.advance(Duration.ofMillis(15_500));
        ConnectionEntry e = driver.connections().get(0);
        assertEquals(new ConnectionEntry(Protocol.TCP, ip("203.0.113.9"), 40000, ip("198.51.100.100"), 80,
                ip("198.51.100.21"), 8080, "SYN_RECV", 44, false, "", ""), e);
        driver.transition(Protocol.TCP, from(40000), TcpState.ESTABLISHED);
        assertEquals(900, driver.connections().get(0).expiresSeconds());
        clock.advance(Duration.ofSeconds(900));
        driver.expire();
        assertEquals(List.of(), driver.connections());
        assertEquals(List.of(0, 0), counts(rs("198.51.100.21", 8080)));
    }

    @Test
    void udpConnectionsCountAsInactiveWithTheUdpTimeout() throws Exception {
        ServiceKey dns = ServiceKey.udp(ip("198.51.100.100"), 53);
        driver.addService(VirtualService.of(dns, "rr"));
        RealServer ns = rs("198.51.100.21", 53);
        driver.addDestination(dns, Destination.of(ns, ForwardMethod.ROUTE, 1));
        Flow q = new Flow(ip("203.0.113.9"), 5353, ip("198.51.100.100"), 53);
        driver.connect(Protocol.UDP, q, 0);
        DestinationEntry d = dest(dns, ns);
        assertEquals(List.of(0, 1), List.of(d.activeConns(), d.inactConns()));
        assertEquals("UDP", driver.connections().get(0).state());
        assertEquals(300, driver.connections().get(0).expiresSeconds());
    }

    @Test
    void onePacketUdpKeepsNoConnection() throws Exception {
        ServiceKey dns = ServiceKey.udp(ip("198.51.100.100"), 53);
        driver.addService(VirtualService.of(dns, "rr").withFlags(ServiceFlag.ONE_PACKET));
        RealServer ns = rs("198.51.100.21", 53);
        driver.addDestination(dns, Destination.of(ns, ForwardMethod.ROUTE, 1));
        Flow q = new Flow(ip("203.0.113.9"), 5353, ip("198.51.100.100"), 53);
        assertEquals(Optional.of(ns), driver.connect(Protocol.UDP, q, 0));
        assertEquals(List.of(), driver.connections());
        assertEquals(1, dest(dns, ns).stats().conns());
    }

    @Test
    void zeroClearsStatistics() throws Exception {
        driver.addDestination(WEB, Destination.of(rs("198.51.100.21", 80), ForwardMethod.ROUTE, 1));
        driver.connect(Protocol.TCP, from(1), 0);
        driver.zero();
        assertEquals(0, driver.list().get(0).stats().conns());
        assertEquals(0, driver.list().get(0).destinations().get(0).stats().conns());
        assertEquals(1, driver.list().get(0).destinations().get(0).activeConns());
    }

    @Test
    void packetsCountOnDestinationAndServiceAndFeedTheRates() throws Exception {
        RealServer a = rs("198.51.100.21", 80);
        driver.addDestination(WEB, Destination.of(a, ForwardMethod.MASQ, 1));
        driver.connect(Protocol.TCP, from(40000), 0);
        for (int i = 0; i < 3; i++) {
            driver.countPacket(Protocol.TCP, from(40000), true, 100);
        }
        driver.countPacket(Protocol.TCP, from(40000), false, 1500);
        driver.countPacket(Protocol.TCP, from(40000), false, 1500);
        assertEquals(false, driver.countPacket(Protocol.TCP, from(40001), true, 100));
        driver.estimateRates();
        // deltas per 2 s: 1 conn, 3/2 packets, 300/3000 bytes; the first estimate is a quarter of the
        // scaled rate, e.g. inBps = ((300 << 4) / 4 + 15) >> 5 = 37
        Stats expected = new Stats(1, 3, 2, 300, 3000, 0, 0, 0, 37, 375);
        assertEquals(expected, driver.list().get(0).stats());
        assertEquals(expected, dest(WEB, a).stats());
        driver.zero(WEB);
        assertEquals(Stats.ZERO, driver.list().get(0).stats());
    }

    @Test
    void batchedPacketsCountAsTheirSingles() throws Exception {
        RealServer a = rs("198.51.100.21", 80);
        driver.addDestination(WEB, Destination.of(a, ForwardMethod.MASQ, 1));
        driver.connect(Protocol.TCP, from(40000), 0);
        driver.countPackets(Protocol.TCP, from(40000), true, 3, 300);
        driver.countPackets(Protocol.TCP, from(40000), false, 2, 3000);
        assertEquals(false, driver.countPackets(Protocol.TCP, from(40001), true, 1, 100));
        assertEquals(Stats.totals(1, 3, 2, 300, 3000), driver.list().get(0).stats());
        assertEquals(Stats.totals(1, 3, 2, 300, 3000), dest(WEB, a).stats());
    }

    @Test
    void sctpAssociationsStartInInit1AndAreActiveOnlyWhenEstablished() throws Exception {
        ServiceKey sip = ServiceKey.sctp(ip("198.51.100.100"), 5060);
        driver.addService(VirtualService.of(sip, "rr"));
        RealServer a = rs("198.51.100.21", 5060);
        driver.addDestination(sip, Destination.of(a, ForwardMethod.MASQ, 1));
        Flow assoc = new Flow(ip("203.0.113.9"), 5060, ip("198.51.100.100"), 5060);
        driver.connect(Protocol.SCTP, assoc, 0);
        assertEquals(List.of("INIT1", "4"), List.of(driver.connections().get(0).state(),
                Long.toString(driver.connections().get(0).expiresSeconds())));
        assertEquals(List.of(0, 1), List.of(dest(sip, a).activeConns(), dest(sip, a).inactConns()));
        driver.transition(Protocol.SCTP, assoc, SctpState.ESTABLISHED);
        assertEquals(List.of(1, 0), List.of(dest(sip, a).activeConns(), dest(sip, a).inactConns()));
        driver.transition(Protocol.SCTP, assoc, SctpState.SHUTDOWN_SENT);
        assertEquals("S-SENT", driver.connections().get(0).state());
        assertEquals(List.of(0, 1), List.of(dest(sip, a).activeConns(), dest(sip, a).inactConns()));
    }

    @Test
    void aStateOfAnotherProtocolIsRejected() throws Exception {
        driver.addDestination(WEB, Destination.of(rs("198.51.100.21", 80), ForwardMethod.ROUTE, 1));
        driver.connect(Protocol.TCP, from(1), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> driver.transition(Protocol.TCP, from(1), SctpState.ESTABLISHED));
        assertEquals("ESTABLISHED is not a state of TCP connections", e.getMessage());
    }
}
