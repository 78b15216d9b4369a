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
        Director dir1 = director(Director.Kind.LVSD, "dir1");
        Director dir2 = director(Director.Kind.LVSD, "dir2");
        dir1.start(VrrpConf.instance(3, "0.1", 150, Lab.VIP + "/24"));
        dir1.awaitEntered(START, "BACKUP", "MASTER");
        dir2.start(VrrpConf.instance(3, "0.1", 100, Lab.VIP + "/24"));
        dir2.current().await(l -> l.contains("lvsd started"), START);
        awaitSoleOwner("dir1", "dir2", Lab.VIP, START);
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

    @Test
    void ipv6V3ElectsDir1AndSigtermHandsOverWithNeighbourAdverts() throws Exception {
        lab("vdit-v6", true, false);
        startCapture();
        Director dir1 = director(Director.Kind.LVSD, "dir1");
        Director dir2 = director(Director.Kind.LVSD, "dir2");
        dir1.start(VrrpConf.instance(3, "0.1", 150, Lab.VIP6 + "/64"));
        dir1.awaitEntered(START, "BACKUP", "MASTER");
        dir2.start(VrrpConf.instance(3, "0.1", 100, Lab.VIP6 + "/64"));
        dir2.current().await(l -> l.contains("lvsd started"), START);
        awaitSoleOwner("dir1", "dir2", Lab.VIP6, START);
        Thread.sleep(1_000);
        dir2.awaitEntered(TAKEOVER, "BACKUP");

        dir1.term();
        dir2.awaitEntered(TAKEOVER, "BACKUP", "MASTER");
        awaitSoleOwner("dir2", "dir1", Lab.VIP6, TAKEOVER);
        capture.await(l -> l.startsWith(Lab.mac("dir2"))
                && l.contains("neighbor advertisement, tgt is " + Lab.VIP6 + ","), TAKEOVER);
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
