package org.lvsd.ipvs.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.format.Golden.ip;

import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.TestClock;
import org.lvsd.ipvs.sched.Flow;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;
import org.lvsd.ipvs.table.TcpState;

/** Restore text into the in-memory table, traffic through it, and ipvsadm's listings out. */
class EndToEndListingTest {

    @Test
    void restoredWrrServiceSplitsFortyConnectionsThreeToOne() throws Exception {
        InMemoryIpvsDriver driver = new InMemoryIpvsDriver(new TestClock());
        RestoreParser.apply("""
                -A -t 198.51.100.100:80 -s wrr
                -a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 3
                -a -t 198.51.100.100:80 -r 198.51.100.22:80 -g -w 1
                --set 3600 0 0
                """, driver);
        // After the first -a (weight 3 alone) wrr's current weight is 1 and the second -a keeps it, so
        // the kernel's sequence starts 22, 21 and then repeats 21, 21, 22, 21: every 4th flow, the
        // one moved to FIN_WAIT here, goes to 22.
        for (int i = 0; i < 40; i++) {
            Flow f = new Flow(ip("203.0.113.9"), 10000 + i, ip("198.51.100.100"), 80);
            driver.connect(Protocol.TCP, f, 0);
            if (i % 4 == 0) {
                driver.transition(Protocol.TCP, f, TcpState.FIN_WAIT);
            }
        }
        assertEquals("IP Virtual Server version 1.2.1 (size=4096)\n"
                + "Prot LocalAddress:Port Scheduler Flags\n"
                + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n"
                + "TCP  198.51.100.100:80 wrr\n"
                + "  -> 198.51.100.21:80             Route   3      30         0         \n"
                + "  -> 198.51.100.22:80             Route   1      0          10        \n",
                IpvsadmListing.list(driver.info(), driver.list(), ListOptions.DEFAULT));
        assertEquals("Timeout (tcp tcpfin udp): 3600 120 300\n", IpvsadmListing.timeouts(driver.getTimeouts()));
        assertEquals("-A -t 198.51.100.100:80 -s wrr\n"
                + "-a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 3\n"
                + "-a -t 198.51.100.100:80 -r 198.51.100.22:80 -g -w 1\n", IpvsadmSave.save(driver.list()));
        String firstLines = ConnectionListing.list(driver.connections().subList(0, 2), false);
        assertEquals("IPVS connection entries\n"
                + "pro expire state       source             virtual            destination\n"
                + "TCP 02:00  FIN_WAIT    203.0.113.9:10000  198.51.100.100:80  198.51.100.22:80\n"
                + "TCP 01:00  SYN_RECV    203.0.113.9:10001  198.51.100.100:80  198.51.100.21:80\n", firstLines);
    }
}
