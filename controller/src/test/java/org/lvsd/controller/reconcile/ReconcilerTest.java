package org.lvsd.controller.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.controller.reconcile.Tables.DNS;
import static org.lvsd.controller.reconcile.Tables.WEB;
import static org.lvsd.controller.reconcile.Tables.desired;
import static org.lvsd.controller.reconcile.Tables.route;
import static org.lvsd.controller.reconcile.Tables.single;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.format.IpvsadmCommand;
import org.lvsd.ipvs.format.IpvsadmListing;
import org.lvsd.ipvs.format.ListOptions;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;

class ReconcilerTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String HEADER = """
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port Scheduler Flags
              -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
            """;

    private final InMemoryIpvsDriver driver = new InMemoryIpvsDriver(FIXED);

    private static DesiredTable web(int weight1, int weight2) {
        return new DesiredTable(List.of(desired(VirtualService.of(WEB, "rr"), route("198.51.100.21", 80, weight1),
                route("198.51.100.22", 80, weight2))));
    }

    private static List<String> text(ReconcileRun run) {
        return run.applied().stream().map(IpvsadmCommand::of).toList();
    }

    private static String dest(String server, String method, int weight) {
        return String.format("  -> %-28s %-7s %-6d %-10s %-10s%n", server, method, weight, 0, 0);
    }

    private String listing() {
        return IpvsadmListing.list(driver.info(), driver.list(), ListOptions.DEFAULT);
    }

    @Test
    void initialApplyFromAnEmptyTable() {
        Reconciler r = new Reconciler(driver, FIXED, false);
        ReconcileRun run = r.reconcile(web(1, 2));
        assertEquals(List.of("-A -t 198.51.100.100:80 -s rr",
                "-a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1",
                "-a -t 198.51.100.100:80 -r 198.51.100.22:80 -g -w 2"), text(run));
        assertEquals(0, run.repairs());
        assertEquals(List.of(), run.failures());
        assertEquals(HEADER + "TCP  198.51.100.100:80 rr\n" + dest("198.51.100.21:80", "Route", 1)
                + dest("198.51.100.22:80", "Route", 2), listing());
        assertEquals(new ReconcileStats(3, 0, 0, Duration.ZERO), r.stats());
        assertEquals(Set.of(WEB), r.owned());
        assertEquals(List.of(), r.reconcile(web(1, 2)).applied());
    }

    @Test
    void aFlushBySomeoneElseIsRepairedAndCounted() throws IpvsException {
        Reconciler r = new Reconciler(driver, FIXED, false);
        r.reconcile(web(1, 2));
        driver.flush();
        ReconcileRun run = r.reconcile(web(1, 2));
        assertEquals(List.of("-A -t 198.51.100.100:80 -s rr",
                "-a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1",
                "-a -t 198.51.100.100:80 -r 198.51.100.22:80 -g -w 2"), text(run));
        assertEquals(3, run.repairs());
        assertEquals(new ReconcileStats(6, 3, 0, Duration.ZERO), r.stats());
        assertEquals(HEADER + "TCP  198.51.100.100:80 rr\n" + dest("198.51.100.21:80", "Route", 1)
                + dest("198.51.100.22:80", "Route", 2), listing());
    }

    @Test
    void aWeightChangeIsOneEditAndNotARepair() {
        Reconciler r = new Reconciler(driver, FIXED, false);
        r.reconcile(web(1, 2));
        ReconcileRun run = r.reconcile(web(5, 2));
        assertEquals(List.of("-e -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 5"), text(run));
        assertEquals(0, run.repairs());
    }

    @Test
    void aWeightChangedBySomeoneElseIsSetBackAsARepair() throws IpvsException {
        Reconciler r = new Reconciler(driver, FIXED, false);
        r.reconcile(web(1, 2));
        driver.editDestination(WEB, route("198.51.100.22", 80, 9));
        driver.addDestination(WEB, route("198.51.100.23", 80, 1));
        ReconcileRun run = r.reconcile(web(1, 2));
        assertEquals(List.of("-d -t 198.51.100.100:80 -r 198.51.100.23:80",
                "-e -t 198.51.100.100:80 -r 198.51.100.22:80 -g -w 2"), text(run));
        assertEquals(2, run.repairs());
    }

    @Test
    void foreignServicesAreLeftAloneAndRemovedServicesAreDeleted() throws IpvsException {
        driver.addService(VirtualService.of(DNS, "wlc"));
        Reconciler r = new Reconciler(driver, FIXED, false);
        r.reconcile(web(1, 2));
        ReconcileRun run = r.reconcile(DesiredTable.EMPTY);
        // in the driver's listing order: like the kernel, it lists the newest destination first
        assertEquals(List.of("-d -t 198.51.100.100:80 -r 198.51.100.22:80",
                "-d -t 198.51.100.100:80 -r 198.51.100.21:80", "-D -t 198.51.100.100:80"), text(run));
        assertEquals(0, run.repairs());
        assertEquals(HEADER + "UDP  198.51.100.100:53 wlc\n", listing());
        assertEquals(Set.of(), r.owned());
    }

    @Test
    void lvsFlushRemovesForeignServicesAtTheFirstReconcileOnly() throws IpvsException {
        driver.addService(VirtualService.of(DNS, "wlc"));
        Reconciler r = new Reconciler(driver, FIXED, true);
        assertEquals(List.of("-A -t 198.51.100.100:80 -s rr",
                "-a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1",
                "-a -t 198.51.100.100:80 -r 198.51.100.22:80 -g -w 2", "-D -u 198.51.100.100:53"),
                text(r.reconcile(web(1, 2))));
        driver.addService(VirtualService.of(DNS, "wlc"));
        assertEquals(List.of(), r.reconcile(web(1, 2)).applied());
    }

    @Test
    void aRefusedChangeIsReportedWithTheCommandAndErrnoAndTheRestRetriedLater() {
        Reconciler r = new Reconciler(driver, FIXED, false);
        DesiredTable bad = new DesiredTable(List.of(desired(VirtualService.of(WEB, "rr"),
                route("198.51.100.21", 80, 1), route("198.51.100.22", 80, 1).withThresholds(1, 5))));
        ReconcileRun run = r.reconcile(bad);
        assertEquals(List.of("-A -t 198.51.100.100:80 -s rr", "-a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1"),
                text(run));
        ReconcileFailure failure = single(run.failures());
        assertEquals(Errno.ERANGE, failure.errno());
        assertEquals("ipvsadm -a -t 198.51.100.100:80 -r 198.51.100.22:80 -g -w 1 -x 1 -y 5 failed with ERANGE:"
                + " TCP 198.51.100.100:80 -> 198.51.100.22:80: lower threshold is higher than upper threshold",
                failure.message());
        assertEquals(new ReconcileStats(2, 0, 1, Duration.ZERO), r.stats());
        assertEquals(Set.of(WEB), r.owned());
        ReconcileRun retry = r.reconcile(web(1, 2));
        assertEquals(List.of("-a -t 198.51.100.100:80 -r 198.51.100.22:80 -g -w 2"), text(retry));
        assertEquals(0, retry.repairs());
    }

    @Test
    void anUnknownSchedulerIsReportedByName() {
        Reconciler r = new Reconciler(driver, FIXED, false);
        ReconcileRun run = r.reconcile(new DesiredTable(List.of(desired(VirtualService.of(WEB, "nosuch")))));
        assertEquals("ipvsadm -A -t 198.51.100.100:80 -s nosuch failed with ENOENT: TCP 198.51.100.100:80:"
                + " scheduler nosuch not found", single(run.failures()).message());
        assertEquals(Set.of(), r.owned());
    }

    @Test
    void eachRunIsTimedWithTheInjectedClock() {
        Clock ticking = new Clock() {
            private long calls;

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.EPOCH.plusMillis(7 * calls++);
            }
        };
        Reconciler r = new Reconciler(driver, ticking, false);
        assertEquals(Duration.ofMillis(7), r.reconcile(web(1, 1)).took());
        assertEquals(Duration.ofMillis(7), r.stats().lastDuration());
    }
}
