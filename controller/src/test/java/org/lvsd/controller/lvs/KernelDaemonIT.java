package org.lvsd.controller.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.controller.lvs.KernelTables.FOREIGN;
import static org.lvsd.controller.lvs.KernelTables.HEAD;
import static org.lvsd.controller.lvs.KernelTables.dest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole daemon ({@code lvsd -n -l -f FILE}, a child JVM) with {@code lvs_driver kernel}
 * against the kernel's IPVS, the real {@code ipvsadm -Ln} as the oracle, and keepalived run on
 * the same file as the reference: a NAT service over two TCP_CHECK'd real servers (delay_loop 1)
 * plus the persistence and fwmark services of {@code conf/examples}. Both daemons must program the
 * same table; lvsd's follows health within delay_loop x (retry + 1) + connect_timeout (plus slack
 * for the emulated CPU); SIGTERM removes only the daemon's own services, or the whole table with
 * {@code lvs_flush_onstop}. Runs inside packaging/kvm's VM (tag kernel-ipvs); skipped elsewhere.
 */
@Tag("kernel-ipvs")
class KernelDaemonIT {

    /** JVM start, configuration and first reconcile, at the emulated CPU's speed. */
    private static final Duration START = Duration.ofSeconds(120);
    /** delay_loop 1 x (retry 1 + 1) + connect_timeout 1. */
    private static final Duration HEALTH = Duration.ofSeconds(3);
    /**
     * The checks' timers are wall-clock, but every check, reconcile and ipvsadm poll runs 10-25x
     * slower under TCG and twice that on a loaded host (seen: 10-26 s to leave): 30x the bound.
     * It only bounds a wait; the test still fails if the server never leaves or comes back.
     */
    private static final Duration SLACK = HEALTH.multipliedBy(30);
    private static final Duration STOP = Duration.ofSeconds(60);

    private static final String NAT = """
            virtual_server 198.51.100.100 80 {
                delay_loop 1
                lvs_sched rr
                lvs_method NAT
                protocol TCP
                real_server 198.51.100.21 8080 {
                    TCP_CHECK {
                        connect_timeout 1
                        retry 1
                        delay_before_retry 1
                    }
                }
                real_server 198.51.100.22 8080 {
                    TCP_CHECK {
                        connect_timeout 1
                        retry 1
                        delay_before_retry 1
                    }
                }
            }
            """;
    private static final String NAT_SERVICE = "TCP  198.51.100.100:80 rr\n";
    private static final String RS1_NAT = dest("198.51.100.21:8080", "Masq", 1);
    private static final String RS2_NAT = dest("198.51.100.22:8080", "Masq", 1);
    /** The NAT service, then persistence.conf's, then fwmark.conf's. */
    static final String EXPECTED = HEAD
            + NAT_SERVICE + RS1_NAT + RS2_NAT
            + "TCP  198.51.100.100:443 rr persistent 600 mask 255.255.255.0\n"
            + dest("198.51.100.21:443", "Route", 1) + dest("198.51.100.22:443", "Route", 1)
            + "FWM  1 rr persistent 600\n"
            + dest("198.51.100.21:0", "Route", 1) + dest("198.51.100.22:0", "Route", 1);

    @TempDir
    Path dir;

    private KernelNetns lab;
    private RealServerListener rs1Nat;

    @BeforeEach
    void lab() throws IOException {
        lab = KernelNetns.create();
        rs1Nat = lab.listen(KernelNetns.RS1, 8080);
        lab.listen(KernelNetns.RS2, 8080);
        lab.listen(KernelNetns.RS1, 443);
        lab.listen(KernelNetns.RS2, 443);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    /**
     * The daemons' configuration: {@code lvs_driver kernel} (keepalived warns about the unknown
     * keyword and goes on), the NAT service, and the examples' virtual servers (their VRRP
     * instances left out; persistence.conf's SSL_GET checks become TCP_CHECKs: the test's
     * listeners speak no TLS).
     */
    private Path config(String globalExtra) throws IOException {
        String persistence = ExampleBlocks.blocks(ExampleBlocks.read("persistence.conf"), "virtual_server").get(0);
        persistence = ExampleBlocks.replace(persistence, "SSL_GET", "TCP_CHECK {\n            connect_timeout 3\n        }");
        String fwmark = ExampleBlocks.blocks(ExampleBlocks.read("fwmark.conf"), "virtual_server").get(0);
        String text = "global_defs {\n    router_id kernelit\n    lvs_driver kernel\n" + globalExtra + "}\n"
                + NAT + persistence + fwmark;
        Path file = dir.resolve("kernelit-" + Math.abs(text.hashCode()) + ".conf");
        Files.writeString(file, text);
        return file;
    }

    /**
     * lvsd (debug log: every failed check is a line) started on {@code conf}, once it says it runs
     * the kernel driver (no ipvsadm polls while its JVM starts).
     */
    private NsProcess lvsd(Path conf) throws IOException {
        NsProcess lvsd = lab.start("lvsd", KernelNetns.java("org.lvsd.controller.cli.Lvsd", "-n", "-l", "-D", "-f",
                conf.toString()));
        lvsd.await(l -> l.endsWith("LVS started: driver kernel (KernelIpvsDriver), 3 virtual service(s)"), START);
        return lvsd;
    }

    private NsProcess keepalived(Path conf) throws IOException {
        if (!Files.isExecutable(Path.of("/usr/sbin/keepalived"))) {
            KernelNetns.skip("keepalived, the reference, is not installed (Debian package keepalived)");
        }
        String p = dir.resolve("keepalived").toString();
        return lab.start("keepalived", List.of("/usr/sbin/keepalived", "-C", "-n", "-l", "-f", conf.toString(),
                "-p", p + ".pid", "-c", p + ".check.pid", "-r", p + ".vrrp.pid"));
    }

    /**
     * Waits until lvsd logs {@code change} after its first {@code mark} lines, then until ipvsadm shows {@code table}, both within
     * {@link #HEALTH} + {@link #SLACK} from now; the time taken. The log line comes first so that
     * no ipvsadm runs take the emulated CPU from lvsd while it checks.
     */
    private Duration awaitChange(NsProcess lvsd, int mark, String change, String table) {
        long start = System.nanoTime();
        Duration bound = HEALTH.plus(SLACK);
        lvsd.awaitAfter(mark, l -> l.endsWith(change), bound);
        Duration rest = bound.minusNanos(System.nanoTime() - start);
        KernelTables.await(lab, table, rest.compareTo(KernelTables.POLL) < 0 ? KernelTables.POLL : rest);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** SIGTERM with a foreign service in the table; the daemon must exit 0 and leave {@code after}. */
    private void stopWithForeignService(NsProcess daemon, String after) throws Exception {
        lab.ipvsadm("-A", "-t", "198.51.100.200:25", "-s", "wlc");
        daemon.term();
        assertEquals(0, daemon.waitExit(STOP), daemon.dump());
        KernelTables.assertNow(lab, after);
    }

    @Test
    void keepalivedProgramsTheExpectedTableAndRemovesOnlyItsOwnOnStop() throws Exception {
        NsProcess keepalived = keepalived(config(""));
        KernelTables.await(lab, EXPECTED, START);
        stopWithForeignService(keepalived, HEAD + FOREIGN);
    }

    @Test
    void keepalivedWithFlushOnStopEmptiesTheTable() throws Exception {
        NsProcess keepalived = keepalived(config("    lvs_flush_onstop\n"));
        KernelTables.await(lab, EXPECTED, START);
        stopWithForeignService(keepalived, HEAD);
    }

    @Test
    void lvsdProgramsKeepalivedsTableFollowsHealthAndRemovesOnlyItsOwnOnStop() throws Exception {
        NsProcess lvsd = lvsd(config(""));
        Duration started = KernelTables.await(lab, EXPECTED, START);

        int mark = lvsd.mark();
        rs1Nat.close();
        Duration left = awaitChange(lvsd, mark, "Reconciler: ipvsadm -d -t 198.51.100.100:80 -r 198.51.100.21:8080",
                EXPECTED.replace(RS1_NAT, ""));
        mark = lvsd.mark();
        lab.listen(KernelNetns.RS1, 8080);
        Duration back = awaitChange(lvsd, mark, "Reconciler: ipvsadm -a -t 198.51.100.100:80 -r 198.51.100.21:8080 -m -w 1",
                EXPECTED);
        System.out.printf("KernelDaemonIT: table programmed %d ms after start; real server left in %d ms, "
                + "returned in %d ms (bound %d s + %d s slack)%n", started.toMillis(), left.toMillis(),
                back.toMillis(), HEALTH.toSeconds(), SLACK.toSeconds());

        stopWithForeignService(lvsd, HEAD + FOREIGN);
    }

    @Test
    void lvsdWithFlushOnStopEmptiesTheTable() throws Exception {
        NsProcess lvsd = lvsd(config("    lvs_flush_onstop\n"));
        KernelTables.await(lab, EXPECTED, START);
        stopWithForeignService(lvsd, HEAD);
    }
}
