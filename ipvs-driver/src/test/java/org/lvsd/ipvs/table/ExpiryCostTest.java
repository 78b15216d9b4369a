package org.lvsd.ipvs.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.table.Net.WEB;
import static org.lvsd.ipvs.table.Net.ip;
import static org.lvsd.ipvs.table.Net.rs;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.TestClock;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.sched.Flow;

/**
 * connect() expires what is due, not the whole table: the kernel's per-connection timers cost
 * nothing until they fire, so the work per call must not grow with the number of connections.
 */
class ExpiryCostTest {
    private static final int CONNECTIONS = 100_000;

    @Test
    void connectDoesWorkPerDueTimerNotPerConnection() throws Exception {
        TestClock clock = new TestClock();
        InMemoryIpvsDriver driver = new InMemoryIpvsDriver(clock);
        driver.addService(VirtualService.of(WEB, "rr"));
        driver.addDestination(WEB, Destination.of(rs("198.51.100.21", 80), ForwardMethod.MASQ, 1));
        driver.addDestination(WEB, Destination.of(rs("198.51.100.22", 80), ForwardMethod.MASQ, 1));
        InetAddress vip = ip("198.51.100.100");
        long[] examinedAt = new long[CONNECTIONS + 1];
        for (int i = 0; i < CONNECTIONS; i++) {
            InetAddress client = InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i});
            // one new connection per millisecond: SYN_RECV's 60 s keep 60,000 in the table
            clock.advance(Duration.ofMillis(1));
            driver.connect(Protocol.TCP, new Flow(client, 40000, vip, 80), 0);
            examinedAt[i + 1] = driver.timersExamined();
        }
        assertEquals(60_000, driver.connections().size());
        long early = examinedAt[20_000] - examinedAt[10_000];
        long late = examinedAt[CONNECTIONS] - examinedAt[CONNECTIONS - 10_000];
        assertEquals(0, early, "nothing is due before 60 s");
        assertTrue(late <= 10_000, "one timer per expired connection, examined " + late + " for 10,000 calls");
    }
}
