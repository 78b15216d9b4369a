package org.lvsd.controller.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.controller.reconcile.Tables.DNS;
import static org.lvsd.controller.reconcile.Tables.WEB;
import static org.lvsd.controller.reconcile.Tables.desired;
import static org.lvsd.controller.reconcile.Tables.ip;
import static org.lvsd.controller.reconcile.Tables.route;
import static org.lvsd.controller.reconcile.Tables.single;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.format.IpvsadmCommand;
import org.lvsd.ipvs.format.IpvsadmSave;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;

/** Each reconcile hands its whole diff to the driver as one batch, and a refusal never stops the rest. */
class ReconcilerBatchTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final ServiceKey MAIL = ServiceKey.tcp(ip("198.51.100.100"), 25);

    private final InMemoryIpvsDriver table = new InMemoryIpvsDriver(FIXED);
    private final FailingDriver driver = new FailingDriver(table);

    private static List<String> text(List<TableChange> changes) {
        return changes.stream().map(IpvsadmCommand::of).toList();
    }

    @Test
    void aReconcileWithManyChangesIsOneApplyCallInTheOrderTheKernelNeeds() {
        Reconciler r = new Reconciler(driver, FIXED, false);
        r.reconcile(new DesiredTable(List.of(
                desired(VirtualService.of(WEB, "rr"), route("198.51.100.21", 80, 1), route("198.51.100.22", 80, 1)),
                desired(VirtualService.of(MAIL, "wlc"), route("198.51.100.21", 25, 1),
                        route("198.51.100.22", 25, 1)))));
        assertEquals(1, driver.batches.size());
        ReconcileRun run = r.reconcile(new DesiredTable(List.of(
                desired(VirtualService.of(WEB, "wrr"), route("198.51.100.23", 80, 1), route("198.51.100.21", 80, 3)),
                desired(VirtualService.of(DNS, "rr"), route("198.51.100.21", 53, 1),
                        route("198.51.100.22", 53, 1)))));
        List<String> expected = List.of(
                "-E -t 198.51.100.100:80 -s wrr",
                "-d -t 198.51.100.100:80 -r 198.51.100.22:80",
                "-a -t 198.51.100.100:80 -r 198.51.100.23:80 -g -w 1",
                "-e -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 3",
                "-A -u 198.51.100.100:53 -s rr",
                "-a -u 198.51.100.100:53 -r 198.51.100.21:53 -g -w 1",
                "-a -u 198.51.100.100:53 -r 198.51.100.22:53 -g -w 1",
                "-d -t 198.51.100.100:25 -r 198.51.100.22:25",
                "-d -t 198.51.100.100:25 -r 198.51.100.21:25",
                "-D -t 198.51.100.100:25");
        assertEquals(2, driver.batches.size());
        assertEquals(expected, text(driver.batches.get(1)));
        assertEquals(expected, text(run.applied()));
        assertServicesAroundTheirDestinations(driver.batches.get(1));
        assertEquals(List.of(), run.failures());
        assertEquals(new ReconcileStats(16, 0, 0, Duration.ZERO), r.stats());
    }

    @Test
    void aTableThatAlreadyMatchesNeedsNoApplyCall() {
        Reconciler r = new Reconciler(driver, FIXED, false);
        DesiredTable web = new DesiredTable(List.of(desired(VirtualService.of(WEB, "rr"),
                route("198.51.100.21", 80, 1))));
        r.reconcile(web);
        r.reconcile(web);
        assertEquals(1, driver.batches.size());
    }

    @Test
    void refusedChangesAreReportedOneByOneAndNeverStopTheOthers() {
        Reconciler r = new Reconciler(driver, FIXED, false);
        ReconcileRun run = r.reconcile(new DesiredTable(List.of(
                desired(VirtualService.of(WEB, "nosuch"), route("198.51.100.21", 80, 1)),
                desired(VirtualService.of(DNS, "rr"), route("198.51.100.21", 53, 1).withThresholds(1, 5),
                        route("198.51.100.22", 53, 1)))));
        assertEquals(1, driver.batches.size());
        assertEquals(List.of(
                "ipvsadm -A -t 198.51.100.100:80 -s nosuch failed with ENOENT: TCP 198.51.100.100:80: scheduler nosuch"
                        + " not found",
                "ipvsadm -a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1 failed with ESRCH: TCP 198.51.100.100:80:"
                        + " no such service",
                "ipvsadm -a -u 198.51.100.100:53 -r 198.51.100.21:53 -g -w 1 -x 1 -y 5 failed with ERANGE:"
                        + " UDP 198.51.100.100:53 -> 198.51.100.21:53: lower threshold is higher than upper threshold"),
                run.failures().stream().map(ReconcileFailure::message).toList());
        assertEquals(List.of(Errno.ENOENT, Errno.ESRCH, Errno.ERANGE),
                run.failures().stream().map(ReconcileFailure::errno).toList());
        assertEquals(List.of("-A -u 198.51.100.100:53 -s rr", "-a -u 198.51.100.100:53 -r 198.51.100.22:53 -g -w 1"),
                text(run.applied()));
        assertEquals(new ReconcileStats(2, 0, 3, Duration.ZERO), r.stats());
        assertEquals(Set.of(DNS), r.owned());
        ReconcileRun fixed = r.reconcile(new DesiredTable(List.of(
                desired(VirtualService.of(WEB, "rr"), route("198.51.100.21", 80, 1)),
                desired(VirtualService.of(DNS, "rr"), route("198.51.100.21", 53, 1), route("198.51.100.22", 53, 1)))));
        assertEquals(List.of("-A -t 198.51.100.100:80 -s rr", "-a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1",
                "-a -u 198.51.100.100:53 -r 198.51.100.21:53 -g -w 1"), text(fixed.applied()));
        assertEquals(0, fixed.repairs());
    }

    @Test
    void aBatchWithAnUnknownOutcomeIsOneFailureAndTheTableIsReadBack() throws Exception {
        Reconciler r = new Reconciler(driver, FIXED, false);
        DesiredTable web = new DesiredTable(List.of(desired(VirtualService.of(WEB, "rr"),
                route("198.51.100.21", 80, 1), route("198.51.100.22", 80, 1))));
        driver.loseNextBatch(new IpvsException(Errno.EINVAL, "3 changes: ETIMEDOUT (Connection timed out)"));
        ReconcileRun run = r.reconcile(web);
        assertEquals(List.of(), run.applied());
        assertEquals("applying a batch of 3 changes failed with EINVAL: 3 changes: ETIMEDOUT (Connection timed out)",
                single(run.failures()).message());
        assertEquals(new ReconcileStats(0, 0, 1, Duration.ZERO), r.stats());
        assertEquals("-A -t 198.51.100.100:80 -s rr\n", IpvsadmSave.save(table.list()));
        ReconcileRun next = r.reconcile(web);
        assertEquals(List.of("-a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1",
                "-a -t 198.51.100.100:80 -r 198.51.100.22:80 -g -w 1"), text(next.applied()));
        assertEquals(0, next.repairs());
    }

    /** An added destination comes after its service's -A; a deleted service's destinations go before its -D. */
    private static void assertServicesAroundTheirDestinations(List<TableChange> batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) instanceof TableChange.AddDestination a) {
                ServiceKey key = a.key();
                assertTrue(batch.subList(i + 1, batch.size()).stream().noneMatch(
                        c -> c instanceof TableChange.AddService s && s.service().key().equals(key)),
                        "service added after its destination " + key);
            }
            if (batch.get(i) instanceof TableChange.DeleteDestination d) {
                ServiceKey key = d.key();
                assertTrue(batch.subList(0, i).stream().noneMatch(c -> c instanceof TableChange.DeleteService s
                        && s.key().equals(key)), "destination deleted after its service " + key);
            }
        }
    }
}
