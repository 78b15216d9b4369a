package org.lvsd.ipvs.kernel;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.kernel.KernelServicesIT.ip;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.ApplyResult;
import org.lvsd.ipvs.ConnectionEntry;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.format.ConnectionListing;
import org.lvsd.ipvs.format.IpvsadmListing;
import org.lvsd.ipvs.format.IpvsadmSave;
import org.lvsd.ipvs.format.ListFormat;
import org.lvsd.ipvs.format.ListOptions;
import org.lvsd.ipvs.format.RestoreParser;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;

/**
 * The real ipvsadm as the oracle: the table read back through the driver, printed by the project's
 * ipvsadm formatter, must equal ipvsadm's own -Ln (plain, --stats, --stats --exact, --thresholds,
 * --persistent-conn, --tun-info), -Lnc and ipvsadm-save -n byte for byte;
 * and a table that ipvsadm -R wrote must read back as the restore text says.
 */
class KernelOracleIT extends WithKernelLab {

    static void assertListingsMatchIpvsadm(List<ServiceEntry> table) throws Exception {
        assertEquals(lab.ipvsadm("-Ln"), IpvsadmListing.list(lab.driver.info(), table, ListOptions.DEFAULT));
        assertEquals(lab.ipvsadm("-Ln", "--stats"),
                IpvsadmListing.list(lab.driver.info(), table, ListOptions.of(ListFormat.STATS)));
        assertEquals(lab.in("ipvsadm-save", "-n"), IpvsadmSave.save(table));
    }

    /** The other listing formats (not run on the 1000-service table: each ipvsadm run costs seconds in the VM). */
    static void assertOtherListingsMatchIpvsadm(List<ServiceEntry> table) throws Exception {
        for (ListFormat f : List.of(ListFormat.THRESHOLDS, ListFormat.PERSISTENT_CONN, ListFormat.TUN_INFO)) {
            assertEquals(lab.ipvsadm("-Ln", "--" + f.name().toLowerCase(Locale.ROOT).replace('_', '-')),
                    IpvsadmListing.list(lab.driver.info(), table, ListOptions.of(f)), f.name());
        }
        assertEquals(lab.ipvsadm("-Ln", "--stats", "--exact"),
                IpvsadmListing.list(lab.driver.info(), table, new ListOptions(ListFormat.STATS, true, true)));
    }

    @Test
    void mixedTableListsAndSavesAsIpvsadmDoes() throws Exception {
        ServiceKey web = ServiceKey.tcp(ip("198.51.100.100"), 80);
        ServiceKey v6 = ServiceKey.tcp(ip("2001:db8::100"), 443);
        ServiceKey mark = ServiceKey.fwmark(42, AddressFamily.INET);
        List<TableChange> changes = List.of(
                new TableChange.AddService(VirtualService.of(web, "wrr")),
                new TableChange.AddDestination(web, Destination.of(new RealServer(ip("198.51.100.21"), 80),
                        ForwardMethod.MASQ, 1).withThresholds(1000, 750)),
                new TableChange.AddDestination(web, Destination.of(new RealServer(ip("198.51.100.22"), 80),
                        ForwardMethod.ROUTE, 2)),
                new TableChange.AddDestination(web, Destination.of(new RealServer(ip("198.51.100.23"), 80),
                        ForwardMethod.TUNNEL, 3).withTunnel(TunnelType.GUE, 6080, TunnelChecksum.CSUM)),
                new TableChange.AddService(VirtualService.of(ServiceKey.udp(ip("198.51.100.100"), 53), "sh")
                        .withFlags(ServiceFlag.SCHED1, ServiceFlag.SCHED2)),
                new TableChange.AddService(VirtualService.of(ServiceKey.tcp(ip("198.51.100.101"), 443), "lc")
                        .withPersistence(300, 0xffffff00)),
                new TableChange.AddService(VirtualService.of(v6, "mh").withPersistence(600, 64)),
                new TableChange.AddDestination(v6, Destination.of(new RealServer(ip("2001:db8::21"), 443),
                        ForwardMethod.ROUTE, 5)),
                new TableChange.AddService(VirtualService.of(mark, "rr")),
                new TableChange.AddDestination(mark, Destination.of(new RealServer(ip("198.51.100.31"), 0),
                        ForwardMethod.TUNNEL, 1).withTunnel(TunnelType.GRE, 0, TunnelChecksum.REMCSUM)));
        assertEquals(new ApplyResult(changes, List.of()), lab.driver.apply(changes));
        List<ServiceEntry> table = lab.driver.list();
        assertListingsMatchIpvsadm(table);
        assertOtherListingsMatchIpvsadm(table);
    }

    @Test
    void countersAndConnectionOfALocalConnectionAttemptMatchIpvsadmAndZeroClearsTheCounters() throws Exception {
        ServiceKey key = ServiceKey.tcp(ip("198.51.100.1"), 80); // the lab's own address
        lab.driver.addService(VirtualService.of(key, "rr"));
        lab.driver.addDestination(key, Destination.of(new RealServer(ip("198.51.100.21"), 80), ForwardMethod.MASQ, 1));
        // IPVS schedules the local SYN (LOCAL_OUT) to the real server, which never answers
        assertEquals("SocketTimeoutException", lab.tryConnect(ip("198.51.100.1"), 80, 300));
        // the kernel folds its per-CPU counters into the totals on its 2 s estimator tick
        await().atMost(Duration.ofSeconds(60)).until(() -> lab.driver.list().get(0).stats().conns() == 1);
        List<ServiceEntry> table = lab.driver.list();
        ServiceEntry svc = table.get(0);
        assertEquals(1, svc.stats().inPkts());
        assertEquals(60, svc.stats().inBytes()); // IPv4 20 + TCP 20 + options 20 (MSS, SACK, timestamps, wscale)
        assertEquals(svc.stats().conns(), svc.destinations().get(0).stats().conns());
        assertEquals(lab.ipvsadm("-Ln", "--stats"),
                IpvsadmListing.list(lab.driver.info(), table, ListOptions.of(ListFormat.STATS)));
        List<ConnectionEntry> conns = lab.connections();
        assertEquals(1, conns.size());
        ConnectionEntry c = conns.get(0);
        assertEquals(List.of(Protocol.TCP, ip("198.51.100.1"), ip("198.51.100.1"), 80, ip("198.51.100.21"), 80, "SYN_RECV"),
                List.of(c.protocol(), c.clientAddress(), c.virtualAddress(), c.virtualPort(), c.destAddress(),
                        c.destPort(), c.state()));
        // the expiry counts down between the two reads: compare all but it
        assertEquals(lab.ipvsadm("-Lnc").replaceAll("\\d\\d:\\d\\d ", "mm:ss "),
                ConnectionListing.list(conns, false).replaceAll("\\d\\d:\\d\\d ", "mm:ss "));
        lab.driver.zero(key);
        ServiceEntry zeroed = lab.driver.get(key);
        assertEquals(List.of(0L, 0L, 0L), List.of(zeroed.stats().conns(), zeroed.stats().inPkts(),
                zeroed.destinations().get(0).stats().conns()));
    }

    @Test
    void thousandServicesAppliedInOneBatchDumpBackAndMatchIpvsadm() throws Exception {
        List<TableChange> changes = new ArrayList<>();
        Set<VirtualService> expected = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            InetAddress vip = InetAddress.getByAddress(new byte[] {(byte) 198, 51, 100, (byte) (i % 250)});
            VirtualService svc = VirtualService.of(ServiceKey.tcp(vip, 80 + i / 250), i % 2 == 0 ? "rr" : "wlc");
            expected.add(svc);
            changes.add(new TableChange.AddService(svc));
            changes.add(new TableChange.AddDestination(svc.key(), Destination.of(new RealServer(ip("198.51.100.250"), 8080),
                    ForwardMethod.MASQ, 1 + i % 7)));
        }
        assertEquals(new ApplyResult(changes, List.of()), lab.driver.apply(changes));
        List<ServiceEntry> table = lab.driver.list();
        assertEquals(1000, table.size());
        Set<VirtualService> got = new HashSet<>();
        for (ServiceEntry e : table) {
            got.add(e.service());
            assertEquals(1, e.destinations().size());
        }
        assertEquals(expected, got);
        assertListingsMatchIpvsadm(table);
    }

    @Test
    void tableWrittenByIpvsadmRestoreReadsBackAsTheRestoreTextSays() throws Exception {
        String rules = String.join("\n",
                "-A -t 198.51.100.100:80 -s wlc",
                "-a -t 198.51.100.100:80 -r 198.51.100.21:80 -m -w 1",
                "-a -t 198.51.100.100:80 -r 198.51.100.22:8080 -g -w 0",
                "-a -t 198.51.100.100:80 -r 198.51.100.23:80 -i -w 4 --tun-type gre --tun-csum",
                "-A -u 198.51.100.100:53 -s sh -b sh-port",
                "-a -u 198.51.100.100:53 -r 198.51.100.24:53 -g -w 1",
                "-A -t 198.51.100.101:443 -s rr -p 900 -M 255.255.0.0",
                "-A -t [2001:db8::100]:80 -s sed",
                "-a -t [2001:db8::100]:80 -r [2001:db8::21]:80 -g -w 3",
                "-A -f 7 -s nq",
                "-a -f 7 -r 198.51.100.31:0 -i -w 2 --tun-type gue --tun-port 6080 --tun-nocsum",
                "-A -f 8 -6 -s dh",
                "") + "\n";
        lab.ipvsadmWithInput(rules, "-R");
        List<ServiceEntry> kernel = lab.driver.list();
        InMemoryIpvsDriver model = new InMemoryIpvsDriver(Clock.systemUTC());
        RestoreParser.apply(rules, model);
        assertEquals(settings(model.list()), settings(kernel));
        assertEquals(lab.in("ipvsadm-save", "-n"), IpvsadmSave.save(kernel));
    }

    private static Map<VirtualService, Set<Destination>> settings(List<ServiceEntry> table) {
        Map<VirtualService, Set<Destination>> out = new HashMap<>();
        for (ServiceEntry e : table) {
            Set<Destination> ds = new HashSet<>();
            for (DestinationEntry d : e.destinations()) {
                ds.add(d.destination());
            }
            out.put(e.service(), ds);
        }
        return out;
    }
}
