package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.controller.control.ControlException;
import org.lvsd.controller.control.InstanceStatus;
import org.lvsd.controller.control.TimedTransition;
import org.lvsd.controller.metrics.VrrpInstanceSnapshot;
import org.lvsd.controller.systemd.SdNotify;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;
import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpState;

/**
 * The control handler against a daemon whose LVS half runs on the in-memory driver and whose VRRP
 * half is a stand-in: table, status, drains across reloads, refused reloads, flush and its repair,
 * the LVS half appearing and disappearing, and the diff of another file.
 */
class DaemonControlTest {

    private static final String VS = "TCP 198.51.100.100:80";

    @TempDir
    Path dir;

    private final FakeVrrp vrrp = new FakeVrrp();
    private final List<InMemoryIpvsDriver> drivers = new CopyOnWriteArrayList<>();
    private LvsHalf lvs;
    private Reloader reloader;
    private DaemonControl control;
    private Path file;

    /** One instance, plans "unchanged" and records what it is asked to apply. */
    static final class FakeVrrp implements VrrpSide {
        final List<KeepalivedConfig> applied = new CopyOnWriteArrayList<>();

        @Override
        public List<InstanceStatus> status() {
            try {
                return List.of(new InstanceStatus("VI_1", VrrpState.MASTER, 150,
                        List.of(InetAddress.getByName("198.51.100.100")),
                        List.of(new TimedTransition(Instant.parse("2026-11-21T08:00:00Z"),
                                new Transition("VI_1", VrrpState.BACKUP, VrrpState.MASTER, 150,
                                        "master down timer expired")))));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<VrrpInstanceSnapshot> snapshots() {
            return List.of();
        }

        @Override
        public ReloadPlan plan(KeepalivedConfig next) {
            return new ReloadPlan(List.of("VI_1"), List.of(), List.of(), List.of());
        }

        @Override
        public ReloadPlan apply(KeepalivedConfig next) {
            applied.add(next);
            return plan(next);
        }
    }

    private static String conf(String... realServers) {
        StringBuilder b = new StringBuilder("""
                global_defs {
                    lvs_reconcile_interval 0.5
                }
                """);
        if (realServers.length > 0) {
            b.append("virtual_server 198.51.100.100 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n");
            for (String rs : realServers) {
                b.append("    real_server ").append(rs).append(" 80 {\n        weight 1\n    }\n");
            }
            b.append("}\n");
        }
        return b.toString();
    }

    private void start(String conf) throws Exception {
        file = dir.resolve("lvsd.conf");
        Files.writeString(file, conf);
        LoadedConfig loaded = LoadedConfig.load(file, ParseOptions.defaults());
        assertEquals(List.of(), loaded.errors());
        lvs = new LvsHalf(setting -> {
            InMemoryIpvsDriver d = new InMemoryIpvsDriver(Clock.systemUTC());
            drivers.add(d);
            return d;
        }, false);
        lvs.apply(loaded.config().orElseThrow().global(), loaded.mapped());
        reloader = new Reloader(file, ParseOptions.defaults(), loaded, vrrp, lvs, SdNotify.fromEnvironment());
        reloader.open();
        control = new DaemonControl(vrrp, lvs, reloader);
    }

    @AfterEach
    void stop() {
        if (lvs != null) {
            lvs.close();
        }
    }

    /** The table as "RS weight" lines, service by service. */
    private List<String> table() throws ControlException {
        List<String> out = new ArrayList<>();
        for (ServiceEntry s : control.table().services()) {
            out.add(s.service().key().toString());
            s.destinations().stream().map(d -> "  " + d.destination().server() + " " + d.destination().weight())
                    .sorted().forEach(out::add);
        }
        return out;
    }

    private void awaitTable(List<String> expected) throws ControlException {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> table().equals(expected));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            assertEquals(expected, table());
        }
    }

    private List<String> serviceWith(String... lines) {
        List<String> out = new ArrayList<>(List.of(key()));
        out.addAll(List.of(lines));
        return out;
    }

    private String key() {
        return org.lvsd.ipvs.ServiceKey.tcp(ip("198.51.100.100"), 80).toString();
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static RealServerId rs(String s) {
        return new RealServerId(ip(s), 80);
    }

    @Test
    void tableAndStatusComeFromTheRunningHalves() throws Exception {
        start(conf("198.51.100.21", "198.51.100.22"));
        awaitTable(serviceWith("  198.51.100.21:80 1", "  198.51.100.22:80 1"));
        String status = org.lvsd.controller.control.StatusText.render(control.status());
        assertTrue(status.startsWith("VRRP instances:\n  VI_1: MASTER, priority 150, VIPs 198.51.100.100\n"
                + "    2026-11-21T08:00:00Z BACKUP -> MASTER (priority 150): master down timer expired\n"
                + "Virtual servers:\n  TCP 198.51.100.100:80: quorum up"), status);
        assertTrue(status.contains("    198.51.100.21:80 up, weight 1"), status);
        assertTrue(status.endsWith("Drained: none\n"), status);
    }

    @Test
    void aDrainSurvivesAReloadThatAddsARealServer() throws Exception {
        start(conf("198.51.100.21", "198.51.100.22"));
        assertEquals("drained 198.51.100.22:80 in TCP 198.51.100.100:80: weight 0, kept across reloads until enabled",
                control.drain(VS, rs("198.51.100.22")));
        awaitTable(serviceWith("  198.51.100.21:80 1", "  198.51.100.22:80 0"));

        Files.writeString(file, conf("198.51.100.21", "198.51.100.22", "198.51.100.23"));
        assertEquals("reloaded " + file + ": VRRP: 1 unchanged, 0 added, 0 removed, 0 changed; 1 virtual server(s)",
                control.reload());
        awaitTable(serviceWith("  198.51.100.21:80 1", "  198.51.100.22:80 0", "  198.51.100.23:80 1"));
        assertEquals(1, vrrp.applied.size());
        assertEquals(new org.lvsd.controller.metrics.ReloadCounts(1, 0), reloader.counts());
        assertTrue(org.lvsd.controller.control.StatusText.render(control.status())
                .endsWith("Drained:\n  198.51.100.22:80 in TCP 198.51.100.100:80\n"));

        assertEquals("enabled 198.51.100.22:80 in TCP 198.51.100.100:80", control.enable(VS, rs("198.51.100.22")));
        awaitTable(serviceWith("  198.51.100.21:80 1", "  198.51.100.22:80 1", "  198.51.100.23:80 1"));
        assertEquals("198.51.100.22:80 in TCP 198.51.100.100:80 was not drained", control.enable(VS, rs("198.51.100.22")));
    }

    @Test
    void unknownVirtualAndRealServersAreNamed() throws Exception {
        start(conf("198.51.100.21"));
        assertEquals("no virtual server 'UDP 198.51.100.100:53'; configured: TCP 198.51.100.100:80",
                assertThrows(ControlException.class, () -> control.drain("UDP 198.51.100.100:53", rs("198.51.100.21")))
                        .getMessage());
        assertEquals("no real server 198.51.100.29:80 in TCP 198.51.100.100:80",
                assertThrows(ControlException.class, () -> control.drain(VS, rs("198.51.100.29"))).getMessage());
    }

    @Test
    void aBrokenReloadChangesNothingNamesFileAndLineAndIsCounted() throws Exception {
        start(conf("198.51.100.21"));
        awaitTable(serviceWith("  198.51.100.21:80 1"));
        Files.writeString(file, conf("198.51.100.21", "198.51.100.22") + "vrrp_instance VI_9 {\n  interface eth0\n");
        ControlException e = assertThrows(ControlException.class, control::reload);
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(" (first: " + file + ":15: '{' opened here for 'vrrp_instance' is never "
                + "closed); still running the previous configuration"), e.getMessage());
        assertEquals(List.of(), vrrp.applied);
        assertEquals(new org.lvsd.controller.metrics.ReloadCounts(0, 1), reloader.counts());
        Thread.sleep(700);
        assertEquals(serviceWith("  198.51.100.21:80 1"), table());
    }

    @Test
    void flushEmptiesTheTableAndThePeriodicReconcileRepairsAndCountsIt() throws Exception {
        start(conf("198.51.100.21", "198.51.100.22"));
        awaitTable(serviceWith("  198.51.100.21:80 1", "  198.51.100.22:80 1"));
        long repairs = lvs.reconcileStats().repairs();
        assertEquals("flushed the IPVS table; lvsd's services return at its next reconcile (lvs_reconcile_interval 0.5 s)",
                control.flush());
        assertEquals(List.of(), drivers.get(0).list());
        awaitTable(serviceWith("  198.51.100.21:80 1", "  198.51.100.22:80 1"));
        assertEquals(repairs + 3, lvs.reconcileStats().repairs());
    }

    @Test
    void theLvsHalfStopsWhenVirtualServersGoAndStartsWhenTheyComeBack() throws Exception {
        start(conf("198.51.100.21"));
        awaitTable(serviceWith("  198.51.100.21:80 1"));
        Files.writeString(file, conf());
        control.reload();
        assertEquals(List.of(), table());
        assertEquals(List.of(), drivers.get(0).list());
        assertEquals("no virtual_server is configured", assertThrows(ControlException.class, control::flush).getMessage());

        Files.writeString(file, conf("198.51.100.22"));
        control.reload();
        awaitTable(serviceWith("  198.51.100.22:80 1"));
        assertEquals(2, drivers.size());
    }

    @Test
    void diffListsInstancesAndTheConfiguredTableChanges() throws Exception {
        start(conf("198.51.100.21", "198.51.100.22"));
        Path other = dir.resolve("next.conf");
        Files.writeString(other, conf("198.51.100.21", "198.51.100.23"));
        assertEquals("""
                vrrp_instance VI_1: unchanged
                virtual servers (ipvsadm commands on the configured table):
                  -d -t 198.51.100.100:80 -r 198.51.100.22:80
                  -a -t 198.51.100.100:80 -r 198.51.100.23:80 -m -w 1
                """, control.diff(other));
        assertEquals("vrrp_instance VI_1: unchanged\nvirtual servers: no change\n", control.diff(file));
        Files.writeString(other, "vrrp_instance VI_1 {\n");
        String refused = assertThrows(ControlException.class, () -> control.diff(other)).getMessage();
        assertTrue(refused.startsWith(other + ": ") && refused.contains("first: " + other + ":1: "), refused);
    }
}
