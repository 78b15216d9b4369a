package org.lvsd.vrrp.io;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * lvsd and keepalived 2.2.7 in one virtual router, in two namespaces made by the test: real
 * adverts, real elections, real VIPs. lvsd runs in its own JVM ({@link InteropMain}) under
 * {@code ip netns exec}. Skipped with a printed reason without root or keepalived.
 */
class KeepalivedInteropIT {

    private static final String VIP = "198.51.100.100/32";
    private static final String VIP6 = "2001:db8::100/128";

    private NamespaceLab lab;
    private Process keepalived;
    private LineWatcher keepalivedLog;
    private Process lvsd;
    private LineWatcher lvsdOut;

    @BeforeEach
    void setUp() throws IOException {
        String reason = NamespaceLab.unavailableReason();
        if (reason != null) {
            System.out.println("KeepalivedInteropIT skipped: " + reason);
        }
        assumeTrue(reason == null, reason);
        lab = new NamespaceLab();
    }

    @AfterEach
    void tearDown() throws IOException, InterruptedException {
        if (lvsd != null && lvsd.isAlive()) {
            send(lvsd, "stop");
            if (!lvsd.waitFor(5, TimeUnit.SECONDS)) {
                lvsd.destroyForcibly();
            }
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void higherPriorityLvsdTakesOverFromKeepalivedAndHandsBackWithPriorityZero() throws Exception {
        startKeepalived(100, 2, "1", true);
        assertNotNull(keepalivedLog.await(l -> l.contains("(VI_1) Entering MASTER STATE"), 10_000), log());
        startLvsd(150, 2, 1000, "lvsd1234");
        assertNotNull(lvsdOut.await(l -> l.equals("TRANSITION BACKUP MASTER master down timer expired"), 10_000), log());
        assertNotNull(keepalivedLog.await(l -> l.contains(
                "Master received advert from 198.51.100.3 with higher priority 150, ours 100"), 5_000), log());
        assertNotNull(keepalivedLog.await(l -> l.contains("(VI_1) Entering BACKUP STATE"), 5_000), log());
        awaitVip(NamespaceLab.LVSD, true);
        awaitVip(NamespaceLab.KA, false);

        send(lvsd, "stop");
        assertNotNull(lvsdOut.await(l -> l.equals("TRANSITION MASTER INIT stop requested"), 5_000), log());
        assertNotNull(lvsdOut.await(l -> l.startsWith("STOPPED"), 5_000), log());
        assertNotNull(lvsdOut.await(l -> l.endsWith(" rejected=0"), 1_000), "keepalived adverts rejected: " + log());
        assertNotNull(keepalivedLog.await(l -> l.contains("(VI_1) Backup received priority 0 advertisement"), 5_000),
                log());
        assertNotNull(keepalivedLog.await(count(l -> l.contains("(VI_1) Entering MASTER STATE"), 2), 5_000), log());
        awaitVip(NamespaceLab.KA, true);
        awaitVip(NamespaceLab.LVSD, false);
    }

    @Test
    void lvsdV3BackupTakesOverAfterKeepalivedSendsPriorityZero() throws Exception {
        // 1 s adverts: Master_Down 3.6 s leaves margin for a loaded CI machine.
        startKeepalived(200, 3, "1", false);
        assertNotNull(keepalivedLog.await(l -> l.contains("(VI_1) Entering MASTER STATE"), 10_000), log());
        startLvsd(100, 3, 1000, "-");
        assertNotNull(lvsdOut.await(l -> l.equals("TRANSITION INIT BACKUP started"), 10_000), log());
        // More than a Master_Down_Interval (3.6 s) passes: the backup must hear keepalived and stay.
        assertNull(lvsdOut.await(l -> l.contains(" MASTER "), 5_000), log());

        keepalived.destroy();
        assertNotNull(lvsdOut.await(
                l -> l.equals("TRANSITION BACKUP MASTER master 198.51.100.2 released (priority 0)"), 3_000), log());
        awaitVip(NamespaceLab.LVSD, true);
        assertTrue(keepalived.waitFor(5, TimeUnit.SECONDS), "keepalived did not exit on SIGTERM");
    }

    @Test
    void ipv6HigherPriorityLvsdTakesOverFromKeepalivedAndHandsBack() throws Exception {
        startKeepalived(100, 3, "1", false, VIP6);
        assertNotNull(keepalivedLog.await(l -> l.contains("(VI_1) Entering MASTER STATE"), 10_000), log());
        startLvsd(150, 3, 1000, "-", "2001:db8::100", "fe80::51:ff:fe00:3");
        assertNotNull(lvsdOut.await(l -> l.equals("TRANSITION BACKUP MASTER master down timer expired"), 10_000), log());
        assertNotNull(keepalivedLog.await(l -> l.contains(
                "Master received advert from fe80::51:ff:fe00:3 with higher priority 150, ours 100"), 5_000), log());
        awaitVip(NamespaceLab.LVSD, VIP6, true);
        awaitVip(NamespaceLab.KA, VIP6, false);

        send(lvsd, "stop");
        assertNotNull(lvsdOut.await(l -> l.startsWith("STOPPED"), 5_000), log());
        assertNotNull(lvsdOut.await(l -> l.endsWith(" rejected=0"), 1_000), "keepalived adverts rejected: " + log());
        assertNotNull(keepalivedLog.await(l -> l.contains("(VI_1) Backup received priority 0 advertisement"), 5_000),
                log());
        awaitVip(NamespaceLab.KA, VIP6, true);
    }

    private void startKeepalived(int priority, int version, String advertInt, boolean auth) throws IOException {
        startKeepalived(priority, version, advertInt, auth, VIP);
    }

    private void startKeepalived(int priority, int version, String advertInt, boolean auth, String vip)
            throws IOException {
        NamespaceLab.Keepalived ka = lab.startKeepalived(List.of(
                "    priority " + priority,
                "    advert_int " + advertInt,
                "    version " + version,
                auth ? "    authentication {\n        auth_type PASS\n        auth_pass lvsd1234\n    }" : "",
                "    virtual_ipaddress {",
                "        " + vip,
                "    }"));
        keepalived = ka.process();
        keepalivedLog = ka.log();
    }

    private void startLvsd(int priority, int version, long advertMillis, String password) throws IOException {
        startLvsd(priority, version, advertMillis, password, "198.51.100.100", "198.51.100.3");
    }

    private void startLvsd(int priority, int version, long advertMillis, String password, String vip,
                           String primary) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        lvsd = new ProcessBuilder("ip", "netns", "exec", NamespaceLab.LVSD, java,
                "-cp", System.getProperty("java.class.path"), InteropMain.class.getName(),
                "eth0", "61", Integer.toString(priority), Integer.toString(version), Long.toString(advertMillis),
                password, vip, primary, "60").redirectErrorStream(true).start();
        lvsdOut = new LineWatcher(lvsd.getInputStream(), "lvsd");
    }

    /** Polls (bounded, 5 s) until the VIP is present or absent on eth0 of {@code ns}. */
    private void awaitVip(String ns, boolean present) throws IOException, InterruptedException {
        awaitVip(ns, VIP, present);
    }

    private void awaitVip(String ns, String vip, boolean present) throws IOException, InterruptedException {
        NamespaceLab.awaitVip(ns, vip, present, this::log);
    }

    private static Predicate<String> count(Predicate<String> p, int n) {
        int[] seen = new int[1];
        return l -> p.test(l) && ++seen[0] >= n;
    }

    private static void send(Process p, String line) throws IOException {
        OutputStream in = p.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private String log() {
        return "\n--- keepalived ---\n" + (keepalivedLog == null ? "" : String.join("\n", keepalivedLog.snapshot()))
                + "\n--- lvsd ---\n" + (lvsdOut == null ? "" : String.join("\n", lvsdOut.snapshot()));
    }
}
