package org.lvsd.ipvs.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.table.Net.WEB;
import static org.lvsd.ipvs.table.Net.ip;
import static org.lvsd.ipvs.table.Net.rs;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.TestClock;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.sched.Flow;

/** Removed destinations wait in the trash and come back with their counters (ip_vs_trash_get_dest). */
class TrashTest {
    private static final RealServer A = rs("198.51.100.21", 80);

    private final TestClock clock = new TestClock();
    private final InMemoryIpvsDriver driver = new InMemoryIpvsDriver(clock);

    @BeforeEach
    void serviceWithOneConnection() throws Exception {
        driver.addService(VirtualService.of(WEB, "rr"));
        driver.addDestination(WEB, Destination.of(A, ForwardMethod.ROUTE, 1));
        driver.connect(Protocol.TCP, new Flow(ip("203.0.113.9"), 1000, ip("198.51.100.100"), 80), 0);
    }

    private DestinationEntry onlyDestination() throws Exception {
        return driver.list().get(0).destinations().get(0);
    }

    @Test
    void readdedDestinationKeepsItsConnectionsAndStatistics() throws Exception {
        driver.deleteDestination(WEB, A);
        // 30 s later the SYN_RECV connection (60 s) still refers to the removed destination
        clock.advance(Duration.ofSeconds(30));
        driver.expire();
        driver.addDestination(WEB, Destination.of(A, ForwardMethod.ROUTE, 5));
        DestinationEntry d = onlyDestination();
        assertEquals(List.of(1, 0, 1L, 5), List.of(d.activeConns(), d.inactConns(), d.stats().conns(),
                d.destination().weight()));
    }

    @Test
    void idleDestinationIsForgottenAfterTheTrashPeriod() throws Exception {
        clock.advance(Duration.ofSeconds(61));
        driver.expire();
        driver.deleteDestination(WEB, A);
        driver.expire();
        clock.advance(Duration.ofSeconds(119));
        driver.expire();
        driver.addDestination(WEB, Destination.of(A, ForwardMethod.ROUTE, 1));
        assertEquals(1L, onlyDestination().stats().conns());
        driver.deleteDestination(WEB, A);
        driver.expire();
        clock.advance(Duration.ofSeconds(120));
        driver.expire();
        driver.addDestination(WEB, Destination.of(A, ForwardMethod.ROUTE, 1));
        assertEquals(0L, onlyDestination().stats().conns());
    }

    @Test
    void recreatedServiceRevivesCountersButNotStatistics() throws Exception {
        driver.deleteService(WEB);
        driver.addService(VirtualService.of(WEB, "rr"));
        driver.addDestination(WEB, Destination.of(A, ForwardMethod.ROUTE, 1));
        DestinationEntry d = onlyDestination();
        assertEquals(List.of(1, 0L), List.of(d.activeConns(), d.stats().conns()));
    }
}
