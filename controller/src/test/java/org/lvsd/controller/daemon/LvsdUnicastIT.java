package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Two lvsd directors with {@code unicast_src_ip} / {@code unicast_peer} (v3, 0.1 s adverts over
 * raw IP sockets, GARP still on the interface): election, SIGTERM takeover, preemption back.
 */
class LvsdUnicastIT extends LabTest {

    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration TAKEOVER = Duration.ofSeconds(6);

    @Test
    void unicastPairElectsFailsOverAndPreempts() throws Exception {
        lab("vdit-uni", false, false);
        startCapture();
        Director dir1 = director(Director.Kind.LVSD, "dir1");
        Director dir2 = director(Director.Kind.LVSD, "dir2");
        String conf1 = unicast(150, "198.51.100.2", "198.51.100.3");
        dir1.start(conf1);
        dir1.awaitEntered(START, "BACKUP", "MASTER");
        dir2.start(unicast(100, "198.51.100.3", "198.51.100.2"));
        dir2.current().await(l -> l.contains("lvsd started"), START);
        awaitSoleOwner("dir1", "dir2", Lab.VIP, START);
        Thread.sleep(1_000);
        dir2.awaitEntered(TAKEOVER, "BACKUP");
        assertTrue(dir1.current().lines().stream().anyMatch(l -> l.contains("V3 unicast from 198.51.100.2")),
                dir1.dump());

        dir1.term();
        dir2.awaitEntered(TAKEOVER, "BACKUP", "MASTER");
        awaitSoleOwner("dir2", "dir1", Lab.VIP, TAKEOVER);
        capture.await(l -> l.startsWith(Lab.mac("dir2") + " > ff:ff:ff:ff:ff:ff") && LvsdFailoverIT.isGarp(l),
                TAKEOVER);

        dir1.start(conf1);
        dir1.awaitEntered(START, "BACKUP", "MASTER");
        dir2.awaitEntered(TAKEOVER, "BACKUP", "MASTER", "BACKUP");
        awaitSoleOwner("dir1", "dir2", Lab.VIP, TAKEOVER);
    }

    private static String unicast(int priority, String self, String peer) {
        return VrrpConf.instance(3, "0.1", priority, Lab.VIP + "/24").replace("    advert_int 0.1\n",
                "    advert_int 0.1\n    unicast_src_ip " + self + "\n    unicast_peer {\n        " + peer + "\n    }\n");
    }
}
