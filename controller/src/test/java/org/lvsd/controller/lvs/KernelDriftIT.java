package org.lvsd.controller.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.controller.lvs.KernelTables.HEAD;
import static org.lvsd.controller.lvs.KernelTables.dest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift made with the real ipvsadm behind lvsd's back, against the kernel's IPVS: a deleted
 * destination ({@code ipvsadm -d}) and a flushed table ({@code ipvsadm -C}) are each put back by
 * the periodic reconcile, which logs how many changes it repaired. Runs lvsd itself (a child JVM
 * in the lab's director namespace) with {@code lvs_reconcile_interval 2} instead of the default
 * 30 s. Inside packaging/kvm's VM (tag kernel-ipvs); skipped elsewhere.
 */
@Tag("kernel-ipvs")
class KernelDriftIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    /** One interval plus slack for the emulated CPU (every reconcile and ipvsadm poll is 10-25x slower). */
    private static final Duration REPAIR = INTERVAL.plusSeconds(30);
    /** The global_defs take %s: the control socket's path (in the test's folder). */
    private static final String CONF = """
            global_defs {
                router_id kerneldrift
                lvs_driver kernel
                lvs_reconcile_interval 2
                control_socket %s
            }
            virtual_server 198.51.100.100 80 {
                delay_loop 1
                lvs_sched wrr
                lvs_method NAT
                protocol TCP
                real_server 198.51.100.21 8080 {
                    weight 2
                    TCP_CHECK {
                        connect_timeout 1
                    }
                }
                real_server 198.51.100.22 8080 {
                    weight 3
                    TCP_CHECK {
                        connect_timeout 1
                    }
                }
            }
            """;
    private static final String TABLE = HEAD + "TCP  198.51.100.100:80 wrr\n"
            + dest("198.51.100.21:8080", "Masq", 2) + dest("198.51.100.22:8080", "Masq", 3);

    @TempDir
    Path dir;

    private KernelNetns lab;

    @AfterEach
    void tearDown() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    /**
     * Waits (bounded by {@link #REPAIR}) for the periodic reconcile's line saying it repaired
     * {@code changes} changes, then for ipvsadm to show the whole table again; the time taken.
     * The log line comes first so that no ipvsadm runs take the emulated CPU meanwhile.
     */
    private Duration awaitRepair(NsProcess lvs, int changes) {
        long start = System.nanoTime();
        lvs.await(l -> l.endsWith("periodic reconcile repaired " + changes
                + " change(s) made to lvsd's IPVS entries by someone else"), REPAIR);
        Duration rest = REPAIR.minusNanos(System.nanoTime() - start);
        KernelTables.await(lab, TABLE, rest.compareTo(KernelTables.POLL) < 0 ? KernelTables.POLL : rest);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void periodicReconcileRepairsADeletedDestinationAndAFlushedTable() throws Exception {
        lab = KernelNetns.create();
        lab.listen(KernelNetns.RS1, 8080);
        lab.listen(KernelNetns.RS2, 8080);
        Path conf = dir.resolve("drift.conf");
        Files.writeString(conf, CONF.formatted(dir.resolve("lvsd.sock")));
        NsProcess lvs = lab.start("lvsd", KernelNetns.java("org.lvsd.controller.cli.Lvsd", "-n", "-l", "-f",
                conf.toString()));
        lvs.await(l -> l.endsWith("LVS started: driver kernel (KernelIpvsDriver), 1 virtual service(s)"), START);
        KernelTables.await(lab, TABLE, START);

        lab.ipvsadm("-d", "-t", "198.51.100.100:80", "-r", "198.51.100.22:8080");
        Duration one = awaitRepair(lvs, 1);
        lab.ipvsadm("-C");
        Duration all = awaitRepair(lvs, 3);
        System.out.printf("KernelDriftIT: ipvsadm -d repaired in %d ms, ipvsadm -C in %d ms (interval %d s)%n",
                one.toMillis(), all.toMillis(), INTERVAL.toSeconds());

        lvs.term();
        assertEquals(0, lvs.waitExit(Duration.ofSeconds(60)), lvs.dump());
        KernelTables.assertNow(lab, HEAD);
    }
}
