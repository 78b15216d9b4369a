package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A {@code vrrp_sync_group} of two instances (VI_1 VRID 51 with VIP .100, VI_2 VRID 52 with VIP
 * .101 and {@code track_interface trk0}) on two lvsd directors, v3 at 0.1 s, dir1 at 150 and dir2
 * at 100. trk0 is one end of a veth pair inside each director's namespace. Taking dir1's trk0
 * down faults VI_2, and the group (reference §2.11: FAULT spreads) faults VI_1 too: dir2 takes
 * both instances and both VIPs. trk0 up again: dir1 leaves FAULT to BACKUP, preempts, and the
 * group brings both back. Every state sequence is checked exactly, per instance and director.
 */
class LvsdSyncGroupIT extends LabTest {

    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration CHANGE = Duration.ofSeconds(5);
    private static final String VIP2 = "198.51.100.101";

    static String conf(int priority) {
        return String.join("\n",
                "vrrp_sync_group G1 {",
                "    group {",
                "        VI_1",
                "        VI_2",
                "    }",
                "}",
                instance("VI_1", 51, priority, Lab.VIP, ""),
                instance("VI_2", 52, priority, VIP2, "    track_interface {\n        trk0\n    }"), "");
    }

    private static String instance(String name, int vrid, int priority, String vip, String extra) {
        return String.join("\n",
                "vrrp_instance " + name + " {",
                "    state BACKUP",
                "    interface eth0",
                "    version 3",
                "    virtual_router_id " + vrid,
                "    priority " + priority,
                "    advert_int 0.1",
                "    virtual_ipaddress {",
                "        " + vip + "/24",
                "    }",
                extra,
                "}");
    }

    @Test
    void faultOfOneMemberMovesBothInstancesAndRecoveryBringsThemBack() throws Exception {
        lab("vdit-sync", false, false);
        for (String host : new String[] {"dir1", "dir2"}) {
            lab.execOk(host, "ip", "link", "add", "trk0", "type", "veth", "peer", "name", "trk1");
            lab.execOk(host, "ip", "link", "set", "trk1", "up");
            lab.execOk(host, "ip", "link", "set", "trk0", "up");
        }
        Director dir1 = director(Director.Kind.LVSD, "dir1");
        Director dir2 = director(Director.Kind.LVSD, "dir2");
        dir1.start(conf(150));
        dir1.awaitEntered("VI_1", START, "BACKUP", "MASTER");
        dir1.awaitEntered("VI_2", CHANGE, "BACKUP", "MASTER");
        dir2.start(conf(100));
        dir2.current().await(l -> l.contains("lvsd started"), START);
        awaitSoleOwner("dir1", "dir2", Lab.VIP, START);
        awaitSoleOwner("dir1", "dir2", VIP2, CHANGE);
        // Longer than dir2's Master_Down_Interval (0.36 s): both its instances hear dir1 and stay BACKUP.
        Thread.sleep(1_000);
        dir2.awaitEntered("VI_1", CHANGE, "BACKUP");
        dir2.awaitEntered("VI_2", CHANGE, "BACKUP");

        lab.execOk("dir1", "ip", "link", "set", "trk0", "down");
        dir1.awaitEntered("VI_2", CHANGE, "BACKUP", "MASTER", "FAULT");
        dir1.awaitEntered("VI_1", CHANGE, "BACKUP", "MASTER", "FAULT");
        dir2.awaitEntered("VI_1", CHANGE, "BACKUP", "MASTER");
        dir2.awaitEntered("VI_2", CHANGE, "BACKUP", "MASTER");
        awaitSoleOwner("dir2", "dir1", Lab.VIP, CHANGE);
        awaitSoleOwner("dir2", "dir1", VIP2, CHANGE);
        assertTrue(dir1.current().lines().stream().anyMatch(l -> l.contains("VI_1: MASTER -> FAULT (sync group G1: VI_2")),
                dir1.dump());

        lab.execOk("dir1", "ip", "link", "set", "trk0", "up");
        dir1.awaitEntered("VI_1", CHANGE, "BACKUP", "MASTER", "FAULT", "BACKUP", "MASTER");
        dir1.awaitEntered("VI_2", CHANGE, "BACKUP", "MASTER", "FAULT", "BACKUP", "MASTER");
        dir2.awaitEntered("VI_1", CHANGE, "BACKUP", "MASTER", "BACKUP");
        dir2.awaitEntered("VI_2", CHANGE, "BACKUP", "MASTER", "BACKUP");
        awaitSoleOwner("dir1", "dir2", Lab.VIP, CHANGE);
        awaitSoleOwner("dir1", "dir2", VIP2, CHANGE);

        dir1.term();
        dir2.awaitEntered("VI_1", CHANGE, "BACKUP", "MASTER", "BACKUP", "MASTER");
        dir2.awaitEntered("VI_2", CHANGE, "BACKUP", "MASTER", "BACKUP", "MASTER");
        Awaitility.await("dir2 holds both VIPs").atMost(CHANGE).pollInterval(Duration.ofMillis(50))
                .until(() -> lab.hasVip("dir2", Lab.VIP) && lab.hasVip("dir2", VIP2));
        assertFalse(lab.hasVip("dir1", Lab.VIP) || lab.hasVip("dir1", VIP2), "VIP left behind after SIGTERM");
    }
}
