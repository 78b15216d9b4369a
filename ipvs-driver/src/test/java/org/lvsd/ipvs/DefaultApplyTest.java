package org.lvsd.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.format.IpvsadmSave;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;

/** {@link IpvsDriver#apply}'s default, one change at a time, on a driver without batching. */
class DefaultApplyTest {
    private static final ServiceKey WEB = ServiceKey.tcp(ip("198.51.100.100"), 80);
    private static final ServiceKey DNS = ServiceKey.udp(ip("198.51.100.100"), 53);

    private static InetAddress ip(String literal) {
        return AddressText.parse(literal).orElseThrow();
    }

    private static Destination route(String address, int weight) {
        return Destination.of(new RealServer(ip(address), 80), ForwardMethod.ROUTE, weight);
    }

    @Test
    void aRefusedChangeIsReportedAtItsIndexAndTheRestStillApply() throws Exception {
        InMemoryIpvsDriver driver = new InMemoryIpvsDriver(new TestClock());
        driver.addService(VirtualService.of(DNS, "wlc"));
        List<TableChange> changes = List.of(
                new TableChange.AddService(VirtualService.of(WEB, "rr")),
                new TableChange.AddService(VirtualService.of(DNS, "rr")),
                new TableChange.AddDestination(ServiceKey.tcp(ip("198.51.100.101"), 80), route("198.51.100.21", 1)),
                new TableChange.AddDestination(WEB, route("198.51.100.21", 1)),
                new TableChange.AddDestination(WEB, route("198.51.100.22", 1).withThresholds(1, 5)),
                new TableChange.AddDestination(WEB, route("198.51.100.22", 2)));
        ApplyResult r = driver.apply(changes);
        assertEquals(List.of(1, 2, 4), r.failures().stream().map(ChangeFailure::index).toList());
        assertEquals(List.of(Errno.EEXIST, Errno.ESRCH, Errno.ERANGE),
                r.failures().stream().map(f -> f.error().reason()).toList());
        assertEquals(List.of(changes.get(0), changes.get(3), changes.get(5)), r.applied());
        assertEquals("""
                -A -t 198.51.100.100:80 -s rr
                -a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1
                -a -t 198.51.100.100:80 -r 198.51.100.22:80 -g -w 2
                -A -u 198.51.100.100:53 -s wlc
                """, IpvsadmSave.save(driver.list()));
    }

    @Test
    void aFlushInTheBatchEmptiesTheTableBeforeTheChangesAfterIt() throws Exception {
        InMemoryIpvsDriver driver = new InMemoryIpvsDriver(new TestClock());
        driver.addService(VirtualService.of(DNS, "wlc"));
        ApplyResult r = driver.apply(List.of(new TableChange.Flush(), new TableChange.AddService(
                VirtualService.of(DNS, "rr"))));
        assertEquals(true, r.allApplied());
        assertEquals("-A -u 198.51.100.100:53 -s rr\n", IpvsadmSave.save(driver.list()));
    }

    @Test
    void aResultNamesOnlyChangesOfItsBatchInOrder() {
        TableChange add = new TableChange.AddService(VirtualService.of(WEB, "rr"));
        TableChange delete = new TableChange.DeleteService(WEB);
        IpvsException e = new IpvsException(Errno.ESRCH, "TCP 198.51.100.100:80: no such service");
        assertEquals(List.of(add), new ApplyResult(List.of(add, delete), List.of(new ChangeFailure(1, delete, e)))
                .applied());
        assertThrows(IllegalArgumentException.class, () -> new ApplyResult(List.of(add, delete),
                List.of(new ChangeFailure(0, delete, e))));
        assertThrows(IllegalArgumentException.class, () -> new ApplyResult(List.of(add),
                List.of(new ChangeFailure(1, delete, e))));
    }
}
