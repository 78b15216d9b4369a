package org.lvsd.ipvs.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.format.Golden.ip;
import static org.lvsd.ipvs.format.Golden.route;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.IpvsInfo;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;

class IpvsadmListingTest {
    private static final ServiceKey WEB = ServiceKey.tcp(ip("198.51.100.100"), 80);
    private static final Stats BIG = new Stats(1234, 99_999_999, 100_000_000, 123_456_789_012L, 999_999_999_999_999L,
            12, 3400, 3100, 250_000_000, 1_500_000_000);
    private static final Stats BIG_DEST = new Stats(1234, 99_999_999, 100_000_000, 123_456_789_012L,
            999_999_999_999_999L, 12, 3400, 123_456_789, 250_000_000, 1_500_000_000);

    private static List<ServiceEntry> statsTable() {
        DestinationEntry d = new DestinationEntry(route("198.51.100.21", 80, 1), 0, 0, 0, BIG_DEST);
        return List.of(new ServiceEntry(VirtualService.of(WEB, "rr"), BIG, List.of(d)));
    }

    @Test
    void plainListingSortsServicesAndDestinationsLikeIpvsadm() {
        // 10.0.0.1 sorts after 198.51.100.100: libipvs compares the wrapped 32-bit difference
        assertEquals(Golden.text("ipvsadm-list.txt"),
                IpvsadmListing.list(IpvsInfo.KERNEL_DEFAULT, Golden.table(), ListOptions.DEFAULT));
    }

    @Test
    void statsUseKmgtSuffixesFromOneHundredMillion() {
        assertEquals(Golden.text("ipvsadm-stats.txt"),
                IpvsadmListing.list(IpvsInfo.KERNEL_DEFAULT, statsTable(), ListOptions.of(ListFormat.STATS)));
    }

    @Test
    void exactStatsPrintFullNumbersWiderThanTheColumn() {
        assertEquals(Golden.text("ipvsadm-stats-exact.txt"), IpvsadmListing.list(IpvsInfo.KERNEL_DEFAULT,
                statsTable(), new ListOptions(ListFormat.STATS, true, true)));
    }

    @Test
    void rateShowsDestinationPacketRatesWithoutSuffix() {
        assertEquals(Golden.text("ipvsadm-rate.txt"),
                IpvsadmListing.list(IpvsInfo.KERNEL_DEFAULT, statsTable(), ListOptions.of(ListFormat.RATE)));
    }

    @Test
    void tunnelInfoColumn() {
        Destination gue = route("198.51.100.24", 80, 1).withTunnel(TunnelType.GUE, 6080, TunnelChecksum.NOCSUM);
        Destination gre = route("198.51.100.25", 80, 1).withTunnel(TunnelType.GRE, 0, TunnelChecksum.REMCSUM);
        Destination ipip = route("198.51.100.26", 80, 1).withTunnel(TunnelType.IPIP, 0, TunnelChecksum.NOCSUM);
        ServiceEntry svc = Golden.service(VirtualService.of(WEB, "rr"), Golden.dest(ipip, 0, 0),
                Golden.dest(gre, 0, 0), Golden.dest(gue, 0, 0), Golden.dest(route("198.51.100.21", 80, 1), 0, 0));
        assertEquals(Golden.text("ipvsadm-tun.txt"), IpvsadmListing.listOne(svc, ListOptions.of(ListFormat.TUN_INFO)));
    }

    @Test
    void thresholdAndPersistentConnColumns() {
        Destination d = route("198.51.100.21", 80, 5).withThresholds(100, 50);
        ServiceEntry svc = new ServiceEntry(VirtualService.of(WEB, "wlc"), Stats.ZERO,
                List.of(new DestinationEntry(d, 7, 3, 2, Stats.ZERO)));
        assertEquals(Golden.text("ipvsadm-thr.txt"),
                IpvsadmListing.listOne(svc, ListOptions.of(ListFormat.THRESHOLDS))
                        + IpvsadmListing.listOne(svc, ListOptions.of(ListFormat.PERSISTENT_CONN)));
    }

    @Test
    void nosortKeepsTheDriversOrder() {
        ServiceEntry svc = Golden.service(VirtualService.of(WEB, "rr"),
                Golden.dest(route("198.51.100.22", 80, 1), 0, 0), Golden.dest(route("198.51.100.21", 80, 1), 0, 0));
        assertEquals("Prot LocalAddress:Port Scheduler Flags\n"
                + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n"
                + "TCP  198.51.100.100:80 rr\n"
                + "  -> 198.51.100.22:80             Route   1      0          0         \n"
                + "  -> 198.51.100.21:80             Route   1      0          0         \n",
                IpvsadmListing.listOne(svc, new ListOptions(ListFormat.DEFAULT, false, false)));
    }

    @Test
    void longIpv6NamesAreNotTruncated() {
        ServiceKey v6 = ServiceKey.tcp(ip("2001:db8:aaaa:bbbb:cccc:dddd:eeee:1"), 443);
        Destination d = Destination.of(new RealServer(ip("2001:db8:aaaa:bbbb:cccc:dddd:eeee:21"), 443),
                ForwardMethod.MASQ, 1);
        ServiceEntry svc = Golden.service(VirtualService.of(v6, "rr"), Golden.dest(d, 0, 0));
        assertEquals("Prot LocalAddress:Port Scheduler Flags\n"
                + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n"
                + "TCP  [2001:db8:aaaa:bbbb:cccc:dddd:eeee:1]:443 rr\n"
                + "  -> [2001:db8:aaaa:bbbb:cccc:dddd:eeee:21]:443 Masq    1      0          0         \n",
                IpvsadmListing.listOne(svc, ListOptions.DEFAULT));
    }

    @Test
    void timeoutLine() {
        assertEquals("Timeout (tcp tcpfin udp): 900 120 300\n", IpvsadmListing.timeouts(Timeouts.DEFAULT));
    }
}
