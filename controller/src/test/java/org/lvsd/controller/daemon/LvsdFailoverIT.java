package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Two lvsd directors ({@code lvsd -n -l -f CONF} in dir1 priority 150 and dir2 priority 100, one
 * VRID, VIP on eth0) in the namespace lab with real packets: election, GARP / NA on the bridge,
 * the client's ARP / ND answered by the master, takeover on SIGTERM and on a full crash,
 * preemption back. Bounds are the RFC 5798 Master_Down_Interval plus generous slack for JVM start.
 */
class LvsdFailoverIT extends LabTest {

    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration TAKEOVER = Duration.ofSeconds(6);

    @Test
    void v2ElectsDir1ThenSigtermHandsOverToDir2AndDir1PreemptsBack() throws Exception {
        lab("vdit-v2", false, false);
        startCapture();
        Director dir1 = director(Director.Kind.LVSD, "dir1");
        Director dir2 = director(Director.Kind.LVSD, "dir2");
        dir1.start(VrrpConf.instance(2, "1", 150, Lab.VIP + "/24"));
        dir1.awaitEntered(START, "BACKUP", "MASTER");
        dir2.start(VrrpConf.instance(2, "1", 100, Lab.VIP + "/24"));
        awaitSoleOwner("dir1", "dir2", Lab.VIP, START);
        capture.await(l -> l.startsWith(Lab.mac("dir1") + " > ff:ff:ff:ff:ff:ff")
                && isGarp(l), TAKEOVER);
        dir2.current().await(l -> l.contains("lvsd started"), START);
        // More than Master_Down_Interval (3.6 s): dir2 hears dir1 and stays BACKUP.
        Thread.sleep(4_000);
        dir2.awaitEntered(TAKEOVER, "BACKUP");

        dir1.term();
        dir1.awaitEntered(TAKEOVER, "BACKUP", "MASTER");
        assertTrue(dir1.current().lines().stream().anyMatch(l -> l.contains("VI_1: MASTER -> INIT (stop requested)")),
                dir1.dump());
        dir2.awaitEntered(TAKEOVER, "BACKUP", "MASTER");
        assertTrue(dir2.current().lines().stream().anyMatch(
                l -> l.contains("BACKUP -> MASTER (master 198.51.100.2 released (priority 0))")), dir2.dump());
        awaitSoleOwner("dir2", "dir1", Lab.VIP, TAKEOVER);
        capture.await(l -> l.startsWith(Lab.mac("dir2") + " > ff:ff:ff:ff:ff:ff")
                && isGarp(l), TAKEOVER);

        dir1.start(VrrpConf.instance(2, "1", 150, Lab.VIP + "/24"));
        dir1.awaitEntered(START, "BACKUP", "MASTER");
        dir2.awaitEntered(TAKEOVER, "BACKUP", "MASTER", "BACKUP");
        awaitSoleOwner("dir1", "dir2", Lab.VIP, TAKEOVER);
        dir2.term();
        dir1.term();
        assertFalse(lab.hasVip("dir1", Lab.VIP), "VIP left behind after SIGTERM");
    }

    @Test
    void v3At100msSurvivesAFullCrashAndPreemptsBack() throws Exception {
        lab("vdit-v3", false, false);
        Pair pair = lvsdPair(p -> VrrpConf.instance(3, "0.1", p, Lab.VIP + "/24"), Lab.VIP, START);
        Director dir1 = pair.dir1();
        Director dir2 = pair.dir2();
        Thread.sleep(1_000);
        dir2.awaitEntered(TAKEOVER, "BACKUP");

        dir1.crash();
        dir2.awaitEntered(TAKEOVER, "BACKUP", "MASTER");
        assertTrue(dir2.current().lines().stream().anyMatch(
                l -> l.contains("BACKUP -> MASTER (master down timer expired)")), dir2.dump());
        awaitSoleOwnerIgnoringDeadLink();

        // The crashed director kept its VIP: the restarted lvsd removes it, then preempts.
        dir1.linkUp();
        dir1.start(VrrpConf.instance(3, "0.1", 150, Lab.VIP + "/24"));
        dir1.awaitEntered(START, "BACKUP", "MASTER");
        dir2.awaitEntered(TAKEOVER, "BACKUP", "MASTER", "BACKUP");
        awaitSoleOwner("dir1", "dir2", Lab.VIP, TAKEOVER);
    }

    /**
     * Adverts every 0.1 s, but Master_Down_Interval stretched to {@link #V6_DOWN_ADVERTS} of them
     * ({@code down_timer_adverts}): a backup then claims mastership only after the master has been
     * silent for 2 s, not 0.36 s. On a saturated machine the master's JVM can be off the CPU for
     * longer than 0.36 s (dir2's own JVM start is such a moment), which made dir2 flip to MASTER and
     * back and failed the exact sequences below. What this test asserts does not depend on
     * Master_Down: the election, the SIGTERM handover (priority 0, then Skew_Time) and the
     * neighbour adverts. The crash test above keeps the RFC's 3 adverts.
     */
    @Test
    void ipv6V3ElectsDir1AndSigtermHandsOverWithNeighbourAdverts() throws Exception {
        lab("vdit-v6", true, false);
        startCapture();
        Pair pair = lvsdPair(LvsdFailoverIT::ipv6Conf, Lab.VIP6, START);
        Director dir1 = pair.dir1();
        Director dir2 = pair.dir2();
        // Longer than dir2's Master_Down_Interval (2.06 s): it hears dir1 and stays BACKUP.
        Thread.sleep(V6_ADVERT_MILLIS * V6_DOWN_ADVERTS + 1_000);
        dir2.awaitEntered(TAKEOVER, "BACKUP");

        dir1.term();
        dir2.awaitEntered(TAKEOVER, "BACKUP", "MASTER");
        assertTrue(dir2.current().lines().stream().anyMatch(
                l -> l.contains("BACKUP -> MASTER (master fe80:")
                        && l.contains("released (priority 0))")), dir2.dump());
        awaitSoleOwner("dir2", "dir1", Lab.VIP6, TAKEOVER);
        capture.await(l -> l.startsWith(Lab.mac("dir2"))
                && l.contains("neighbor advertisement, tgt is " + Lab.VIP6 + ","), TAKEOVER);
    }

    private static final long V6_ADVERT_MILLIS = 100;
    private static final int V6_DOWN_ADVERTS = 20;

    private static String ipv6Conf(int priority) {
        return VrrpConf.instance(3, "0.1", priority, Lab.VIP6 + "/64").replace("    advert_int 0.1\n",
                "    advert_int 0.1\n    down_timer_adverts " + V6_DOWN_ADVERTS + "\n");
    }

    /** A gratuitous ARP request for the VIP (tcpdump -e: "who-has VIP (ff:..:ff) tell VIP,"). */
    static boolean isGarp(String tcpdumpLine) {
        return tcpdumpLine.contains("who-has " + Lab.VIP + " ") && tcpdumpLine.contains(" tell " + Lab.VIP + ",");
    }

    /** After a crash dir1's link is down: its stale VIP does not answer; dir2 must. */
    private void awaitSoleOwnerIgnoringDeadLink() throws Exception {
        org.awaitility.Awaitility.await("dir2 answers for the VIP").atMost(TAKEOVER)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> lab.hasVip("dir2", Lab.VIP)
                        && lab.answerFor(Lab.VIP).equals(java.util.Optional.of(Lab.mac("dir2"))));
    }
}
