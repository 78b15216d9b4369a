package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * What the rtnetlink watcher brings to a running lvsd pair (v2, 1 s adverts): a VIP deleted by
 * someone else makes the MASTER release and win the quick re-election (its Skew_Time is shorter
 * than the backup's); the MASTER's interface going down puts it in FAULT (its own interface is a
 * weight-0 tracker) and the backup takes over; the link coming back brings it to BACKUP and it
 * preempts.
 */
class LvsdWatchIT extends LabTest {

    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration TAKEOVER = Duration.ofSeconds(6);

    @Test
    void externalVipDeletionAndLinkDownAndUp() throws Exception {
        lab("vdit-watch", false, false);
        Pair pair = lvsdPair(p -> VrrpConf.instance(2, "1", p, Lab.VIP + "/24"), Lab.VIP, START);
        Director dir1 = pair.dir1();
        Director dir2 = pair.dir2();

        lab.execOk("dir1", "ip", "addr", "del", Lab.VIP + "/24", "dev", "eth0");
        dir1.awaitEntered(TAKEOVER, "BACKUP", "MASTER", "BACKUP", "MASTER");
        assertTrue(dir1.current().lines().stream().anyMatch(
                l -> l.contains("VI_1: MASTER -> BACKUP (VIP 198.51.100.100 deleted from eth0)")), dir1.dump());
        awaitSoleOwner("dir1", "dir2", Lab.VIP, TAKEOVER);
        dir2.awaitEntered(Duration.ofSeconds(1), "BACKUP");

        dir1.linkDown();
        dir1.awaitEntered(TAKEOVER, "BACKUP", "MASTER", "BACKUP", "MASTER", "FAULT");
        dir2.awaitEntered(TAKEOVER, "BACKUP", "MASTER");
        awaitOwnerWhileOtherLinkDown();

        dir1.linkUp();
        dir1.awaitEntered(TAKEOVER, "BACKUP", "MASTER", "BACKUP", "MASTER", "FAULT", "BACKUP", "MASTER");
        dir2.awaitEntered(TAKEOVER, "BACKUP", "MASTER", "BACKUP");
        awaitSoleOwner("dir1", "dir2", Lab.VIP, TAKEOVER);
    }

    private void awaitOwnerWhileOtherLinkDown() {
        org.awaitility.Awaitility.await("dir2 answers for the VIP").atMost(TAKEOVER)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> lab.hasVip("dir2", Lab.VIP) && !lab.hasVip("dir1", Lab.VIP)
                        && lab.answerFor(Lab.VIP).equals(java.util.Optional.of(Lab.mac("dir2"))));
    }
}
