package org.lvsd.ipvs.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lvsd.ipvs.table.Net.WEB;
import static org.lvsd.ipvs.table.Net.ip;
import static org.lvsd.ipvs.table.Net.rs;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TestClock;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.sched.Flow;

/** Control operations and their errno values, per ip_vs_ctl.c. */
class InMemoryIpvsDriverControlTest {
    private final InMemoryIpvsDriver driver = new InMemoryIpvsDriver(new TestClock());

    private static Destination dr(String addr, int weight) {
        return Destination.of(rs(addr, 80), ForwardMethod.ROUTE, weight);
    }

    private static void assertFails(Errno errno, String message, Executable op) {
        IpvsException e = assertThrows(IpvsException.class, op);
        assertEquals(errno, e.reason());
        assertEquals(message, e.getMessage());
    }

    @Test
    void duplicateServiceIsEexist() throws Exception {
        driver.addService(VirtualService.of(WEB, "rr"));
        assertFails(Errno.EEXIST, "TCP 198.51.100.100:80: service already exists",
                () -> driver.addService(VirtualService.of(WEB, "wrr")));
    }

    @Test
    void unknownSchedulerIsEnoentOnAddAndEdit() throws Exception {
        assertFails(Errno.ENOENT, "TCP 198.51.100.100:80: scheduler twos not found",
                () -> driver.addService(VirtualService.of(WEB, "twos")));
        driver.addService(VirtualService.of(WEB, "rr"));
        assertFails(Errno.ENOENT, "TCP 198.51.100.100:80: scheduler bogus not found",
                () -> driver.editService(VirtualService.of(WEB, "bogus")));
        assertEquals("rr", driver.list().get(0).service().scheduler());
    }

    @Test
    void existenceIsCheckedBeforeTheScheduler() throws Exception {
        driver.addService(VirtualService.of(WEB, "rr"));
        assertFails(Errno.EEXIST, "TCP 198.51.100.100:80: service already exists",
                () -> driver.addService(VirtualService.of(WEB, "bogus")));
    }

    @Test
    void noneIsAcceptedAsSchedulerAndSchedulesNothing() throws Exception {
        driver.addService(VirtualService.of(WEB, "none"));
        driver.addDestination(WEB, dr("198.51.100.21", 1));
        assertEquals(Optional.empty(), driver.connect(Protocol.TCP,
                new Flow(ip("203.0.113.9"), 1000, ip("198.51.100.100"), 80), 0));
        assertEquals("none", driver.list().get(0).service().scheduler());
    }

    @Test
    void editingWithTheSameSchedulerKeepsItsPosition() throws Exception {
        driver.addService(VirtualService.of(WEB, "rr"));
        driver.addDestination(WEB, dr("198.51.100.22", 1));
        driver.addDestination(WEB, dr("198.51.100.21", 1));
        assertEquals(Optional.of(rs("198.51.100.21", 80)), connect(1000));
        driver.editService(VirtualService.of(WEB, "rr").withPersistence(300, 0xffffffff));
        driver.editService(VirtualService.of(WEB, "rr"));
        assertEquals(Optional.of(rs("198.51.100.22", 80)), connect(1001));
        driver.editService(VirtualService.of(WEB, "wrr"));
        driver.editService(VirtualService.of(WEB, "rr"));
        assertEquals(Optional.of(rs("198.51.100.21", 80)), connect(1002));
    }

    private Optional<RealServer> connect(int clientPort) {
        return driver.connect(Protocol.TCP,
                new Flow(ip("203.0.113.9"), clientPort, ip("198.51.100.100"), 80), 0);
    }

    @Test
    void unknownPersistenceEngineIsEnoent() {
        VirtualService svc = new VirtualService(WEB, "rr", Set.of(), 0, 0xffffffff, "http");
        assertFails(Errno.ENOENT, "TCP 198.51.100.100:80: persistence engine http not found",
                () -> driver.addService(svc));
    }

    @Test
    void badIpv6PrefixIsEinval() {
        ServiceKey v6 = ServiceKey.tcp(ip("2001:db8::1"), 443);
        VirtualService svc = VirtualService.of(v6, "rr").withPersistence(300, 129);
        assertFails(Errno.EINVAL, "TCP [2001:db8::1]:443: IPv6 netmask must be 1..128, not 129",
                () -> driver.addService(svc));
    }

    @Test
    void missingServiceIsEsrchEverywhere() {
        String msg = "TCP 198.51.100.100:80: no such service";
        assertFails(Errno.ESRCH, msg, () -> driver.editService(VirtualService.of(WEB, "rr")));
        assertFails(Errno.ESRCH, msg, () -> driver.deleteService(WEB));
        assertFails(Errno.ESRCH, msg, () -> driver.zero(WEB));
        assertFails(Errno.ESRCH, msg, () -> driver.addDestination(WEB, dr("198.51.100.21", 1)));
        assertFails(Errno.ESRCH, msg, () -> driver.editDestination(WEB, dr("198.51.100.21", 1)));
        assertFails(Errno.ESRCH, msg, () -> driver.deleteDestination(WEB, rs("198.51.100.21", 80)));
    }

    @Test
    void duplicateDestinationIsEexistAndMissingIsEnoent() throws Exception {
        driver.addService(VirtualService.of(WEB, "rr"));
        driver.addDestination(WEB, dr("198.51.100.21", 1));
        assertFails(Errno.EEXIST, "TCP 198.51.100.100:80 -> 198.51.100.21:80: destination already exists",
                () -> driver.addDestination(WEB, dr("198.51.100.21", 5)));
        assertFails(Errno.ENOENT, "TCP 198.51.100.100:80 -> 198.51.100.22:80: no such destination",
                () -> driver.editDestination(WEB, dr("198.51.100.22", 1)));
        assertFails(Errno.ENOENT, "TCP 198.51.100.100:80 -> 198.51.100.22:80: no such destination",
                () -> driver.deleteDestination(WEB, rs("198.51.100.22", 80)));
    }

    @Test
    void negativeWeightAndInvertedThresholdsAreErange() throws Exception {
        driver.addService(VirtualService.of(WEB, "rr"));
        assertFails(Errno.ERANGE, "TCP 198.51.100.100:80 -> 198.51.100.21:80: server weight less than zero",
                () -> driver.addDestination(WEB, dr("198.51.100.21", -1)));
        assertFails(Errno.ERANGE,
                "TCP 198.51.100.100:80 -> 198.51.100.21:80: lower threshold is higher than upper threshold",
                () -> driver.addDestination(WEB, dr("198.51.100.21", 1).withThresholds(10, 20)));
    }

    @Test
    void mixedFamilyNeedsTunnelAndGueNeedsAPort() throws Exception {
        driver.addService(VirtualService.of(WEB, "rr"));
        Destination v6 = Destination.of(rs("2001:db8::21", 80), ForwardMethod.ROUTE, 1);
        assertFails(Errno.EINVAL, "TCP 198.51.100.100:80 -> [2001:db8::21]:80: a different address family needs tunnelling",
                () -> driver.addDestination(WEB, v6));
        driver.addDestination(WEB, v6.withTunnel(TunnelType.IPIP, 0, TunnelChecksum.NOCSUM));
        assertFails(Errno.EINVAL, "TCP 198.51.100.100:80 -> 198.51.100.21:80: tunnel port is zero",
                () -> driver.addDestination(WEB, dr("198.51.100.21", 1).withTunnel(TunnelType.GUE, 0,
                        TunnelChecksum.CSUM)));
    }

    @Test
    void destinationsListNewestFirstLikeTheKernel() throws Exception {
        driver.addService(VirtualService.of(WEB, "wlc"));
        driver.addDestination(WEB, dr("198.51.100.21", 1));
        driver.addDestination(WEB, dr("198.51.100.22", 2));
        driver.editDestination(WEB, dr("198.51.100.21", 7));
        List<Destination> listed = driver.list().get(0).destinations().stream().map(d -> d.destination()).toList();
        assertEquals(List.of(dr("198.51.100.22", 2), dr("198.51.100.21", 7)), listed);
    }

    @Test
    void flushRemovesEveryServiceAndDeleteOnlyOne() throws Exception {
        ServiceKey dns = ServiceKey.udp(ip("198.51.100.100"), 53);
        ServiceKey mark = ServiceKey.fwmark(42, AddressFamily.INET);
        driver.addService(VirtualService.of(WEB, "rr"));
        driver.addService(VirtualService.of(dns, "rr"));
        driver.addService(VirtualService.of(mark, "rr"));
        driver.deleteService(dns);
        assertEquals(List.of(WEB, mark), driver.list().stream().map(s -> s.service().key()).toList());
        driver.flush();
        assertEquals(List.of(), driver.list());
    }

    @Test
    void timeoutsKeepFieldsGivenAsZeroAndRejectNegatives() throws Exception {
        assertEquals(new Timeouts(900, 120, 300), driver.getTimeouts());
        driver.setTimeouts(new Timeouts(3600, 0, 60));
        assertEquals(new Timeouts(3600, 120, 60), driver.getTimeouts());
        assertFails(Errno.EINVAL, "timeouts must be 0..8589934: Timeouts[tcp=-1, tcpFin=0, udp=0]",
                () -> driver.setTimeouts(new Timeouts(-1, 0, 0)));
        assertFails(Errno.EINVAL, "timeouts must be 0..8589934: Timeouts[tcp=0, tcpFin=0, udp=8589935]",
                () -> driver.setTimeouts(new Timeouts(0, 0, 8589935)));
    }

    @Test
    void infoIsTheKernelsVersionAndTableSize() {
        assertEquals("1.2.1", driver.info().versionText());
        assertEquals(4096, driver.info().connTableSize());
    }
}
