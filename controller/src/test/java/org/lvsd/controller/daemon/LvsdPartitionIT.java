package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A partition between two lvsd directors (v3, 0.1 s adverts): while dir2 cannot hear dir1 both
 * are MASTER and both hold the VIP; once healed exactly one master (dir1) remains within three
 * advert intervals plus slack.
 *
 * <p>The partition is an nftables bridge rule in the lab's {@code lan} namespace dropping VRRP
 * (IP protocol 112) from dir1's port to dir2's port. The second test makes it as users do by
 * mistake (reference §6 #1): a firewall in dir2's own namespace dropping protocol 112 on input.
 * lvsd receives adverts on a raw IP socket, after netfilter's input hook, so that rule blinds it
 * exactly as it blinds keepalived.
 */
class LvsdPartitionIT extends LabTest {

    private static final Duration START = Duration.ofSeconds(20);

    @Test
    void partitionMakesTwoMastersAndHealingLeavesDir1Alone() throws Exception {
        lab("vdit-part", false, false);
        Pair pair = v3Pair();
        Director dir1 = pair.dir1();
        Director dir2 = pair.dir2();

        lab.execOk("lan", "nft", "add table bridge part; "
                + "add chain bridge part cut { type filter hook forward priority 0 ; } ; "
                + "add rule bridge part cut iifname p-dir1 oifname p-dir2 ip protocol 112 drop");
        dir2.awaitEntered(Duration.ofSeconds(3), "BACKUP", "MASTER");
        awaitBothHoldTheVip();
        dir1.awaitEntered(Duration.ofSeconds(1), "BACKUP", "MASTER");

        long healed = System.nanoTime();
        lab.execOk("lan", "nft", "delete table bridge part");
        // 3 advert intervals (0.3 s) + 2 s slack for a loaded machine.
        dir2.awaitEntered(Duration.ofMillis(2_300), "BACKUP", "MASTER", "BACKUP");
        long millis = (System.nanoTime() - healed) / 1_000_000;
        awaitSoleOwner("dir1", "dir2", Lab.VIP, Duration.ofSeconds(3));
        dir1.awaitEntered(Duration.ofSeconds(1), "BACKUP", "MASTER");
        assertTrue(dir2.current().lines().stream().anyMatch(
                l -> l.contains("MASTER -> BACKUP (higher priority 150 from 198.51.100.2)")), dir2.dump());
        System.out.println("LvsdPartitionIT: one master " + millis + " ms after healing");
    }

    @Test
    void inputFirewallDroppingVrrpOnTheBackupMakesItMaster() throws Exception {
        lab("vdit-nft", false, false);
        Pair pair = v3Pair();
        Director dir1 = pair.dir1();
        Director dir2 = pair.dir2();

        lab.execOk("dir2", "nft", "add table inet fw; "
                + "add chain inet fw in { type filter hook input priority 0 ; } ; "
                + "add rule inet fw in ip protocol 112 counter drop");
        dir2.awaitEntered(Duration.ofSeconds(3), "BACKUP", "MASTER");
        assertTrue(dir2.current().lines().stream().anyMatch(
                l -> l.contains("BACKUP -> MASTER (master down timer expired)")), dir2.dump());
        assertTrue(lab.exec("dir2", "nft", "list", "table", "inet", "fw").matches("(?s).*counter packets [1-9].*"),
                "the rule dropped nothing");
        awaitBothHoldTheVip();

        lab.execOk("dir2", "nft", "delete table inet fw");
        // 3 advert intervals (0.3 s) + 2 s slack for a loaded machine.
        dir2.awaitEntered(Duration.ofMillis(2_300), "BACKUP", "MASTER", "BACKUP");
        awaitSoleOwner("dir1", "dir2", Lab.VIP, Duration.ofSeconds(3));
        dir1.awaitEntered(Duration.ofSeconds(1), "BACKUP", "MASTER");
    }

    /** lvsd in dir1 (150) and dir2 (100), v3 with 0.1 s adverts: dir1 alone holds the VIP, dir2 is BACKUP. */
    private Pair v3Pair() throws Exception {
        Pair pair = lvsdPair(p -> VrrpConf.instance(3, "0.1", p, Lab.VIP + "/24"), Lab.VIP, START);
        pair.dir2().awaitEntered(Duration.ofSeconds(2), "BACKUP");
        return pair;
    }

    private void awaitBothHoldTheVip() {
        Awaitility.await("both hold the VIP").atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> lab.hasVip("dir1", Lab.VIP) && lab.hasVip("dir2", Lab.VIP));
    }
}
