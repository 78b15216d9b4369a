package org.lvsd.controller.daemon;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * lvsd and keepalived 2.2.7 as the two directors of one virtual router, both ways, VRRP v2 at
 * 1 s and v3 at 0.1 s, from the same keepalived.conf text: the same election (the priority-150
 * director is MASTER, the other stays BACKUP past Master_Down_Interval), the same takeover on
 * SIGTERM (priority-0 advert), the same preemption when the higher priority returns, and the
 * VIP and the client's ARP answer always on the MASTER alone.
 */
class KeepalivedPeerIT extends LabTest {

    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration TAKEOVER = Duration.ofSeconds(6);

    @Test
    void v2KeepalivedMasterLvsdBackup() throws Exception {
        scenario("vdit-kl2", Director.Kind.KEEPALIVED, Director.Kind.LVSD, 2, "1", 4_000);
    }

    @Test
    void v2LvsdMasterKeepalivedBackup() throws Exception {
        scenario("vdit-lk2", Director.Kind.LVSD, Director.Kind.KEEPALIVED, 2, "1", 4_000);
    }

    @Test
    void v3At100msKeepalivedMasterLvsdBackup() throws Exception {
        scenario("vdit-kl3", Director.Kind.KEEPALIVED, Director.Kind.LVSD, 3, "0.1", 1_000);
    }

    @Test
    void v3At100msLvsdMasterKeepalivedBackup() throws Exception {
        scenario("vdit-lk3", Director.Kind.LVSD, Director.Kind.KEEPALIVED, 3, "0.1", 1_000);
    }

    /**
     * dir1 (priority 150) runs {@code high}, dir2 (100) runs {@code low}; {@code quietMillis} is
     * longer than Master_Down_Interval.
     */
    private void scenario(String labName, Director.Kind high, Director.Kind low, int version, String advertInt,
                          long quietMillis) throws Exception {
        lab(labName, false, true);
        Director dir1 = director(high, "dir1");
        Director dir2 = director(low, "dir2");
        String conf1 = VrrpConf.instance(version, advertInt, 150, Lab.VIP + "/24");
        String conf2 = VrrpConf.instance(version, advertInt, 100, Lab.VIP + "/24");

        dir1.start(conf1);
        dir1.awaitEntered(START, "BACKUP", "MASTER");
        dir2.start(conf2);
        dir2.awaitEntered(START, "BACKUP");
        awaitSoleOwner("dir1", "dir2", Lab.VIP, START);
        Thread.sleep(quietMillis);
        dir2.awaitEntered(TAKEOVER, "BACKUP");
        dir1.awaitEntered(TAKEOVER, "BACKUP", "MASTER");

        dir1.term();
        dir2.awaitEntered(TAKEOVER, "BACKUP", "MASTER");
        awaitSoleOwner("dir2", "dir1", Lab.VIP, TAKEOVER);

        dir1.start(conf1);
        dir1.awaitEntered(START, "BACKUP", "MASTER");
        dir2.awaitEntered(TAKEOVER, "BACKUP", "MASTER", "BACKUP");
        awaitSoleOwner("dir1", "dir2", Lab.VIP, TAKEOVER);
    }
}
