package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lvsd.controller.control.ControlClient;
import org.lvsd.controller.control.Request;
import org.lvsd.controller.control.Response;

/**
 * lvsd in dir1 of the lab with {@code lvs_driver userspace}: VRRP instance VI_1 holding the VIP
 * and a NAT virtual server on VIP:80 over nginx in rs1 and rs2, under a bounded client load.
 * SIGHUP adding a real server loses no request, never takes the VIP away, makes no transition
 * and sends no GARP, and the new server serves; a broken file on SIGHUP changes nothing and is
 * logged with file:line and counted. {@code lvsctl flush} empties the table and the periodic
 * reconcile restores it and counts the repairs; lvsctl, /metrics and the SIGUSR1/SIGUSR2 dumps
 * show the configured table and the live state.
 */
class LvsdReloadIT extends LabTest {

    private static final Duration START = Duration.ofSeconds(30);
    private static final String VI = "iname=\"VI_1\"";

    private LabWeb web;

    private String conf(String extraRealServer) {
        List<String> servers = new ArrayList<>(List.of("198.51.100.21 80", "198.51.100.22 80"));
        if (!extraRealServer.isEmpty()) {
            servers.add(extraRealServer);
        }
        return NatServiceConf.text(List.of("control_socket " + dir + "/dir1.sock", "lvs_reconcile_interval 2",
                "state_dump_file " + dir + "/lvsd.data", "stats_dump_file " + dir + "/lvsd.stats"), servers);
    }

    private Path socket() {
        return dir.resolve("dir1.sock");
    }

    private Director startDir1(String conf) throws Exception {
        web = new LabWeb(lab, dir);
        web.nginx("rs1", "198.51.100.21", 80, "rs1");
        web.nginx("rs2", "198.51.100.22", 80, "rs2");
        Director dir1 = lvsdService(conf, START);
        dir1.current().await(l -> l.contains("control: listening on " + socket()), START);
        return dir1;
    }

    @AfterEach
    void stopServers() throws InterruptedException {
        if (web != null) {
            web.close();
        }
    }

    private String status() throws Exception {
        Response r = ControlClient.send(socket(), new Request.Status(true));
        assertTrue(r.ok(), r.message());
        return r.body();
    }

    private String table() throws Exception {
        Response r = ControlClient.send(socket(), new Request.Listing(Request.ListView.TABLE));
        assertTrue(r.ok(), r.message());
        return r.body().replaceAll("(Masq +\\d+) +\\d+ +\\d+ *", "$1");
    }

    @Test
    void sighupAddingARealServerUnderLoadLosesNothingAndABrokenFileChangesNothing() throws Exception {
        lab("lvsrl", false, false);
        Director dir1 = startDir1(conf(""));
        web.nginx("rs2", "198.51.100.22", 8080, "rs2b");
        Awaitility.await("rs1 and rs2 serve").atMost(START).pollInterval(Duration.ofMillis(200))
                .until(() -> Set.of("rs1\n", "rs2\n").contains(lab.exec("client", "curl", "-sS", "--max-time", "2",
                        "http://" + Lab.VIP + "/")));
        Thread.sleep(7_000); // past the second GARP burst (garp_master_delay 5 s)
        String page = web.metrics("dir1");
        double garps = LabWeb.metric(page, "lvsd_vrrp_gratuitous_arp_sent_total", VI);
        assertTrue(garps > 0, page);
        String statusBefore = status();
        String tableBefore = table();

        Child load = web.load(3000, 90);
        AtomicBoolean watching = new AtomicBoolean(true);
        AtomicInteger vipChecks = new AtomicInteger();
        AtomicInteger vipMissing = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                try {
                    vipChecks.incrementAndGet();
                    if (!lab.hasVip("dir1", Lab.VIP)) {
                        vipMissing.incrementAndGet();
                    }
                    Thread.sleep(50);
                } catch (Exception e) {
                    return;
                }
            }
        }, "vip-watch");
        watcher.start();
        try {
            Awaitility.await("load running").atMost(START).until(() -> LabWeb.answers(load).size() >= 2);
            Files.writeString(dir1.confFile(), conf("198.51.100.22 8080"));
            dir1.current().signal("HUP");
            dir1.current().await(l -> l.contains("reload: reloaded " + dir1.confFile()
                    + ": VRRP: 1 unchanged, 0 added, 0 removed, 0 changed; 1 virtual server(s)"), START);
            Awaitility.await("rs2b serves through the VIP").atMost(START).pollInterval(Duration.ofMillis(200))
                    .until(() -> LabWeb.answers(load).getOrDefault("rs2b", 0) >= 3);
            Thread.sleep(2_000);
        } finally {
            watching.set(false);
            watcher.join(5_000);
            load.kill();
        }
        Map<String, Integer> answers = LabWeb.answers(load);
        assertEquals(Set.of("rs1", "rs2", "rs2b"), answers.keySet(), answers + "\n" + dumps());
        assertTrue(answers.values().stream().mapToInt(Integer::intValue).sum() >= 20, answers.toString());
        assertTrue(vipChecks.get() > 20, "VIP polled " + vipChecks.get() + " times");
        assertEquals(0, vipMissing.get(), "VIP missing from dir1 in " + vipMissing + " of " + vipChecks + " polls");
        assertEquals(List.of("BACKUP", "MASTER"), dir1.entered(), dir1.current().dump());
        assertEquals(statusBefore.replaceAll("(?s)\"virtual_servers\".*", ""),
                status().replaceAll("(?s)\"virtual_servers\".*", ""), "VRRP part of status --json changed");
        page = web.metrics("dir1");
        assertEquals(garps, LabWeb.metric(page, "lvsd_vrrp_gratuitous_arp_sent_total", VI), page);
        assertEquals(1.0, LabWeb.metric(page, "lvsd_vrrp_become_master_total", VI), page);
        assertEquals(1.0, LabWeb.metric(page, "lvsd_reloads_total", "result=\"success\""), page);
        assertEquals(0.0, LabWeb.metric(page, "lvsd_reloads_total", "result=\"failure\""), page);
        String tableAfter = table();
        assertTrue(tableAfter.contains("  -> 198.51.100.22:8080           Masq    1\n"), tableAfter);

        // A broken file: nothing changes, every error is logged with file:line, the failure is counted.
        Files.writeString(dir1.confFile(), conf("198.51.100.22 8080") + "vrrp_instance VI_2 {\n    interface eth0\n");
        int line = conf("198.51.100.22 8080").split("\n").length + 1;
        dir1.current().signal("HUP");
        dir1.current().await(l -> l.contains("reload: " + dir1.confFile() + ":" + line
                + ": '{' opened here for 'vrrp_instance' is never closed"), START);
        dir1.current().await(l -> l.contains("reload failed: " + dir1.confFile() + ": "), START);
        assertEquals(tableAfter, table());
        assertTrue(lab.hasVip("dir1", Lab.VIP), dumps());
        assertEquals(List.of("BACKUP", "MASTER"), dir1.entered());
        page = web.metrics("dir1");
        assertEquals(1.0, LabWeb.metric(page, "lvsd_reloads_total", "result=\"success\""), page);
        assertEquals(1.0, LabWeb.metric(page, "lvsd_reloads_total", "result=\"failure\""), page);
        assertEquals(2.0, LabWeb.metric(page, "lvsd_vrrp_state", VI), page);
        assertFalse(tableBefore.contains("8080"), tableBefore);
    }

    @Test
    void flushIsRepairedAndCountedAndLvsctlMetricsAndDumpsShowTheDaemon() throws Exception {
        lab("lvsdr", false, false);
        Director dir1 = startDir1(conf(""));
        Awaitility.await("rs1 and rs2 up").atMost(START).pollInterval(Duration.ofMillis(200))
                .until(() -> LabWeb.metric(web.metrics("dir1"), "lvsd_virtual_server_alive_real_servers",
                        "virtual_server=\"198.51.100.100:80\"") == 2.0);

        String[] list = LabWeb.lvsctl(socket(), "-Ln");
        assertEquals("0", list[0], list[1]);
        String configured = "TCP  198.51.100.100:80 rr\n"
                + "  -> 198.51.100.21:80             Masq    1\n"
                + "  -> 198.51.100.22:80             Masq    1\n";
        assertTrue(list[1].replaceAll("(Masq +\\d+) +\\d+ +\\d+ *", "$1").endsWith(configured), list[1]);
        String[] status = LabWeb.lvsctl(socket(), "status");
        assertEquals("0", status[0], status[1]);
        assertTrue(status[1].startsWith("VRRP instances:\n  VI_1: MASTER, priority 150, VIPs 198.51.100.100\n"),
                status[1]);
        assertTrue(status[1].contains("BACKUP -> MASTER (priority 150): "), status[1]);
        assertTrue(status[1].contains("Virtual servers:\n  TCP 198.51.100.100:80: quorum up, alive weight 2\n"),
                status[1]);
        assertTrue(status[1].contains("    198.51.100.21:80 up, weight 1: "), status[1]);
        assertTrue(status[1].contains("    198.51.100.22:80 up, weight 1: "), status[1]);

        String page = web.metrics("dir1");
        String vs = "virtual_server=\"198.51.100.100:80\"";
        assertEquals(2.0, LabWeb.metric(page, "lvsd_vrrp_state", VI, "interface=\"eth0\"", "vrid=\"51\""), page);
        assertEquals(150.0, LabWeb.metric(page, "lvsd_vrrp_effective_priority", VI), page);
        assertEquals(1.0, LabWeb.metric(page, "lvsd_vrrp_become_master_total", VI), page);
        assertEquals(1.0, LabWeb.metric(page, "lvsd_real_server_up", vs, "real_server=\"198.51.100.21:80\""), page);
        assertEquals(1.0, LabWeb.metric(page, "lvsd_real_server_up", vs, "real_server=\"198.51.100.22:80\""), page);
        assertEquals(0.0, LabWeb.metric(page, "lvsd_ipvs_reconcile_drift_total"), page);
        assertEquals(0.0, LabWeb.metric(page, "lvsd_reloads_total", "result=\"success\""), page);

        // ipvsadm -C on the userspace driver: the table empties, the periodic reconcile (2 s) restores it.
        Response flushed = ControlClient.send(socket(), new Request.Flush());
        String empty = ControlClient.send(socket(), new Request.Listing(Request.ListView.TABLE)).body();
        assertTrue(flushed.ok(), flushed.message());
        assertFalse(empty.contains("TCP  198.51.100.100:80"), empty);
        Awaitility.await("table repaired").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> table().endsWith(configured));
        dir1.current().await(l -> l.contains("periodic reconcile repaired 3 change(s)"), START);
        page = web.metrics("dir1");
        assertEquals(3.0, LabWeb.metric(page, "lvsd_ipvs_reconcile_drift_total"), page);
        Awaitility.await("served again").atMost(START).pollInterval(Duration.ofMillis(200))
                .until(() -> Set.of("rs1\n", "rs2\n").contains(lab.exec("client", "curl", "-sS", "--max-time", "2",
                        "http://" + Lab.VIP + "/")));

        dir1.current().signal("USR1");
        dir1.current().signal("USR2");
        Path data = dir.resolve("lvsd.data");
        Path stats = dir.resolve("lvsd.stats");
        Awaitility.await("dumps").atMost(Duration.ofSeconds(10)).until(() -> Files.exists(data) && Files.exists(stats));
        assertTrue(Files.readString(data).contains("  VI_1: MASTER, priority 150, VIPs 198.51.100.100\n"),
                Files.readString(data));
        String s = Files.readString(stats);
        assertTrue(s.contains("VRRP instance VI_1 (interface eth0, VRID 51): MASTER, effective priority 150\n"), s);
        assertTrue(s.contains("Reconcile: ") && s.contains(" 3 repairs, 0 failures\n"), s);

        dir1.term();
        assertFalse(lab.hasVip("dir1", Lab.VIP), "VIP left behind after SIGTERM\n" + dumps());
        assertFalse(Files.exists(socket()), "control socket left behind");
    }
}
