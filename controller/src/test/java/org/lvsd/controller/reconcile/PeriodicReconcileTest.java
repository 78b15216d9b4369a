package org.lvsd.controller.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.controller.reconcile.Tables.WEB;
import static org.lvsd.controller.reconcile.Tables.desired;
import static org.lvsd.controller.reconcile.Tables.route;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.schedule.ManualScheduler;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;

class PeriodicReconcileTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void everyThirtySecondsByDefaultDriftIsRepaired() throws IpvsException {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        InMemoryIpvsDriver driver = new InMemoryIpvsDriver(clock);
        Reconciler reconciler = new Reconciler(driver, clock, false);
        DesiredTable table = new DesiredTable(List.of(desired(VirtualService.of(WEB, "rr"),
                route("198.51.100.21", 80, 1))));
        reconciler.reconcile(table);
        ManualScheduler scheduler = new ManualScheduler(T0);
        try (PeriodicReconcile periodic = new PeriodicReconcile(scheduler, PeriodicReconcile.DEFAULT_INTERVAL,
                reconciler, () -> table)) {
            periodic.start();
            driver.flush();
            scheduler.advance(Duration.ofSeconds(29));
            assertEquals(List.of(), driver.list());
            scheduler.advance(Duration.ofSeconds(1));
            assertEquals(new ReconcileStats(4, 2, 0, Duration.ZERO), reconciler.stats());
            assertEquals(1, driver.list().size());
            driver.flush();
            scheduler.advance(Duration.ofSeconds(30));
            assertEquals(new ReconcileStats(6, 4, 0, Duration.ZERO), reconciler.stats());
        }
        assertEquals(0, scheduler.pending());
    }
}
