package org.lvsd.controller.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.controller.reconcile.Tables.ip;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.controller.mapping.ConfigMapper;
import org.lvsd.controller.mapping.MappedConfig;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.decision.HealthEvent;
import org.lvsd.healthcheck.schedule.CheckerFactory;
import org.lvsd.healthcheck.schedule.HealthService;
import org.lvsd.healthcheck.schedule.ManualScheduler;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.ipvs.format.IpvsadmCommand;
import org.lvsd.ipvs.format.IpvsadmListing;
import org.lvsd.ipvs.format.ListOptions;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;

/**
 * conf/examples/lvs-dr.conf through the whole path: loader, mapping, health checks (scripted
 * HTTP_GET results on a manual clock), desired table, reconciler, in-memory IPVS table.
 */
class LvsDrEndToEndTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RealServerId RS1 = new RealServerId(ip("198.51.100.21"), 80);
    private static final String HEADER = """
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port Scheduler Flags
              -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
            TCP  198.51.100.100:80 rr
            """;
    private static final String RS1_LINE = "  -> 198.51.100.21:80             Route   1      0          0         \n";
    private static final String RS2_LINE = "  -> 198.51.100.22:80             Route   1      0          0         \n";

    private final Set<RealServerId> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final CheckerFactory scripted = (server, spec) -> () -> CompletableFuture.completedFuture(
            failing.contains(server.id()) ? CheckResult.down("HTTP status 503", Duration.ZERO)
                    : CheckResult.up("HTTP status 200", Duration.ZERO));

    @Test
    void aRealServerGoesDownAndComesBack() {
        ConfigLoader.LoadResult loaded = ConfigLoader.load(Path.of("../conf/examples/lvs-dr.conf"),
                new ParseOptions("dir1", Map.of()));
        MappedConfig mapped = ConfigMapper.map(loaded.config().orElseThrow());
        assertEquals(List.of(), mapped.diagnostics());
        ManualScheduler scheduler = new ManualScheduler(T0);
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        InMemoryIpvsDriver driver = new InMemoryIpvsDriver(clock);
        Reconciler reconciler = new Reconciler(driver, clock, false);
        List<HealthEvent> events = new ArrayList<>();
        try (HealthService health = new HealthService(scripted, scheduler, new Random(1), events::addAll)) {
            health.apply(mapped.healthSpecs());
            reconciler.reconcile(DesiredTable.of(mapped, health.memberships(), Set.of()));
            assertEquals(HEADER + RS1_LINE + RS2_LINE, listing(driver));

            failing.add(RS1);
            scheduler.advance(Duration.ofSeconds(10));
            ReconcileRun down = reconciler.reconcile(DesiredTable.of(mapped, health.memberships(), Set.of()));
            assertEquals(List.of("-d -t 198.51.100.100:80 -r 198.51.100.21:80"),
                    down.applied().stream().map(IpvsadmCommand::of).toList());
            assertEquals(HEADER + RS2_LINE, listing(driver));

            failing.remove(RS1);
            scheduler.advance(Duration.ofSeconds(10));
            ReconcileRun up = reconciler.reconcile(DesiredTable.of(mapped, health.memberships(), Set.of()));
            assertEquals(List.of("-a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1"),
                    up.applied().stream().map(IpvsadmCommand::of).toList());
            assertEquals(HEADER + RS1_LINE + RS2_LINE, listing(driver));
        }
        assertEquals(List.of("RealServerDown 198.51.100.21:80", "RealServerUp 198.51.100.21:80"),
                events.stream().map(LvsDrEndToEndTest::describe).toList());
        assertEquals(new ReconcileStats(5, 0, 0, Duration.ZERO), reconciler.stats());
    }

    private static String describe(HealthEvent e) {
        if (e instanceof HealthEvent.RealServerDown d) {
            return "RealServerDown " + d.server();
        }
        if (e instanceof HealthEvent.RealServerUp u) {
            return "RealServerUp " + u.server();
        }
        return e.getClass().getSimpleName();
    }

    private static String listing(InMemoryIpvsDriver driver) {
        return IpvsadmListing.list(driver.info(), driver.list(), ListOptions.DEFAULT);
    }
}
