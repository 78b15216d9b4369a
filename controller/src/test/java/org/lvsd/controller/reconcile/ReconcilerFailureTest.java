package org.lvsd.controller.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.controller.reconcile.Tables.WEB;
import static org.lvsd.controller.reconcile.Tables.desired;
import static org.lvsd.controller.reconcile.Tables.route;
import static org.lvsd.controller.reconcile.Tables.single;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.format.IpvsadmCommand;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;

/** Reconciles when reading the table fails. */
class ReconcilerFailureTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final InMemoryIpvsDriver table = new InMemoryIpvsDriver(FIXED);
    private final FailingDriver driver = new FailingDriver(table);

    private static DesiredTable web(int weight) {
        return new DesiredTable(List.of(desired(VirtualService.of(WEB, "rr"), route("198.51.100.21", 80, weight))));
    }

    @Test
    void anUnreadableTableIsReportedAndNothingIsChanged() {
        Reconciler r = new Reconciler(driver, FIXED, false);
        driver.failListAfter(0);
        ReconcileRun run = r.reconcile(web(1));
        assertEquals(List.of(), run.applied());
        assertEquals("reading the IPVS table (ipvsadm -Ln) failed with EPERM: generic netlink IPVS: operation"
                + " not permitted", single(run.failures()).message());
        assertEquals(List.of(), table.list());
        assertEquals(new ReconcileStats(0, 0, 1, Duration.ZERO), r.stats());
    }

    @Test
    void whenTheTableCannotBeReadBackAfterARefusalNoRepairsAreClaimedNextTime() {
        Reconciler r = new Reconciler(driver, FIXED, false);
        driver.failListAfter(1);
        DesiredTable bad = new DesiredTable(List.of(desired(VirtualService.of(WEB, "rr"),
                route("198.51.100.21", 80, 1).withThresholds(1, 5))));
        ReconcileRun run = r.reconcile(bad);
        assertEquals(List.of("-A -t 198.51.100.100:80 -s rr"), run.applied().stream().map(IpvsadmCommand::of).toList());
        assertEquals(Set.of(WEB), r.owned());
        driver.failListAfter(-1);
        ReconcileRun next = r.reconcile(web(1));
        assertEquals(List.of("-a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1"),
                next.applied().stream().map(IpvsadmCommand::of).toList());
        assertEquals(0, next.repairs());
    }
}
