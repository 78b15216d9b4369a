package org.lvsd.controller.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.controller.mapping.ConfigMapper;
import org.lvsd.controller.mapping.MappedConfig;
import org.lvsd.controller.reconcile.Drain;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.schedule.CheckerFactory;
import org.lvsd.healthcheck.schedule.ManualScheduler;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.format.IpvsadmListing;
import org.lvsd.ipvs.format.ListOptions;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;

/**
 * conf/examples/lvs-dr.conf run by the LVS runtime against the in-memory IPVS table, with
 * scripted check results on a manual clock: the table follows health, drains, reloads, drift
 * and stop exactly.
 */
class LvsRuntimeTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String HEAD = """
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port Scheduler Flags
              -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
            TCP  198.51.100.100:80 rr
            """;
    private static final String RS1 = "  -> 198.51.100.21:80             Route   1      0          0         \n";
    private static final String RS1_DRAINED = "  -> 198.51.100.21:80             Route   0      0          0         \n";
    private static final String RS2 = "  -> 198.51.100.22:80             Route   1      0          0         \n";
    private static final String OTHER = "TCP  198.51.100.200:25 wlc\n";

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final CheckerFactory scripted = (server, spec) -> () -> CompletableFuture.completedFuture(
            failing.contains(server.id().toString()) ? CheckResult.down("HTTP status 503", Duration.ZERO)
                    : CheckResult.up("HTTP status 200", Duration.ZERO));
    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final InMemoryIpvsDriver driver = new InMemoryIpvsDriver(clock);
    private final Queue<Runnable> loop = new ArrayDeque<>();
    private MappedConfig config;

    @BeforeEach
    void load() {
        config = map("../conf/examples/lvs-dr.conf");
    }

    private static MappedConfig map(String file) {
        var loaded = ConfigLoader.load(Path.of(file), new ParseOptions("dir1", Map.of()));
        return ConfigMapper.map(loaded.config().orElseThrow());
    }

    private LvsRuntime runtime(StopPolicy stop) {
        return new LvsRuntime(driver, scripted, scheduler, scheduler, clock, new Random(1), loop::add,
                Duration.ofSeconds(30), false, stop, events -> { });
    }

    /** Runs what the daemon's serial loop would; returns how many tasks ran. */
    private int runLoop() {
        int n = 0;
        for (Runnable r; (r = loop.poll()) != null; n++) {
            r.run();
        }
        return n;
    }

    private String table() {
        return IpvsadmListing.list(driver.info(), driver.list(), ListOptions.DEFAULT);
    }

    @Test
    void healthDrivesTheTable() {
        try (LvsRuntime lvs = runtime(StopPolicy.REMOVE_OWN)) {
            lvs.apply(config);
            runLoop();
            assertEquals(HEAD + RS1 + RS2, table());

            failing.add("198.51.100.21:80");
            scheduler.advance(Duration.ofSeconds(10));
            assertEquals(1, runLoop(), "one reconcile for the burst of events");
            assertEquals(HEAD + RS2, table());

            failing.clear();
            scheduler.advance(Duration.ofSeconds(10));
            runLoop();
            assertEquals(HEAD + RS1 + RS2, table());
        }
    }

    @Test
    void drainKeepsTheServerAtWeightZeroAcrossReloads() throws Exception {
        try (LvsRuntime lvs = runtime(StopPolicy.REMOVE_OWN)) {
            lvs.apply(config);
            Drain drain = Drain.in("TCP 198.51.100.100:80", new RealServerId(ip("198.51.100.21"), 80));
            lvs.drain(drain);
            runLoop();
            assertEquals(HEAD + RS1_DRAINED + RS2, table());

            lvs.apply(map("../conf/examples/lvs-dr.conf"));
            runLoop();
            assertEquals(HEAD + RS1_DRAINED + RS2, table());

            lvs.enable(drain);
            runLoop();
            assertEquals(HEAD + RS1 + RS2, table());
        }
    }

    @Test
    void driftIsRepairedByThePeriodicReconcileAndCounted() throws Exception {
        try (LvsRuntime lvs = runtime(StopPolicy.REMOVE_OWN)) {
            lvs.apply(config);
            runLoop();
            driver.flush(); // someone ran ipvsadm -C
            scheduler.advance(Duration.ofSeconds(30));
            assertEquals(HEAD + RS1 + RS2, table());
            assertEquals(3, lvs.stats().repairs());
        }
    }

    @Test
    void stopRemovesOnlyLvsdsOwnServicesByDefault() throws Exception {
        addForeignService();
        LvsRuntime lvs = runtime(StopPolicy.REMOVE_OWN);
        lvs.apply(config);
        runLoop();
        lvs.close();
        assertEquals(HEAD.replace("TCP  198.51.100.100:80 rr\n", "") + OTHER, table());
    }

    @Test
    void stopCanFlushOrLeaveTheTable() throws Exception {
        addForeignService();
        LvsRuntime flush = runtime(StopPolicy.FLUSH_ALL);
        flush.apply(config);
        runLoop();
        flush.close();
        assertEquals(Optional.empty(), driver.list().stream().findAny());

        LvsRuntime leave = runtime(StopPolicy.LEAVE);
        leave.apply(config);
        runLoop();
        leave.close();
        assertEquals(HEAD + RS1 + RS2, table());
    }

    private void addForeignService() throws Exception {
        driver.addService(VirtualService.of(ServiceKey.tcp(ip("198.51.100.200"), 25), "wlc"));
    }

    private static InetAddress ip(String s) throws UnknownHostException {
        return InetAddress.getByName(s);
    }

    @Test
    void stopPolicyFollowsTheConfigurationAndTheFlag() {
        assertEquals(StopPolicy.REMOVE_OWN, StopPolicy.of(org.lvsd.conf.model.FlushOnStop.OFF, false));
        assertEquals(StopPolicy.REMOVE_OWN, StopPolicy.of(org.lvsd.conf.model.FlushOnStop.VS, false));
        assertEquals(StopPolicy.FLUSH_ALL, StopPolicy.of(org.lvsd.conf.model.FlushOnStop.ALL, false));
        assertEquals(StopPolicy.LEAVE, StopPolicy.of(org.lvsd.conf.model.FlushOnStop.ALL, true));
    }
}
