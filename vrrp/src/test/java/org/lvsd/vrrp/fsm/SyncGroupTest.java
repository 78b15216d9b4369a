package org.lvsd.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lvsd.vrrp.fsm.Scenario.PEER_HIGH;
import static org.lvsd.vrrp.fsm.Scenario.SELF;
import static org.lvsd.vrrp.fsm.Scenario.VIP;
import static org.lvsd.vrrp.fsm.Scenario.v2;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.time.ManualScheduler;
import org.lvsd.vrrp.track.TrackerKind;
import org.lvsd.vrrp.track.TrackerSpec;
import org.lvsd.vrrp.track.TrackerStatus;

/** keepalived vrrp_sync_group semantics (reference §2.11). */
class SyncGroupTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final List<String> log = new ArrayList<>();
    private final VrrpInstance vi1 = new VrrpInstance(
            InstanceParams.builder("VI_1", 51, SELF).vips(List.of(VIP))
                    .trackers(List.of(TrackerSpec.iface("eth1", 0))).build(),
            new RecordingActions(clock, "VI_1 ", log), clock);
    private final VrrpInstance vi2 = new VrrpInstance(
            InstanceParams.builder("VI_2", 52, SELF).priority(150).vips(List.of(VIP)).build(),
            new RecordingActions(clock, "VI_2 ", log), clock);
    private final SyncGroup group = new SyncGroup("G", List.of(vi1, vi2));

    private List<String> drain() {
        List<String> out = List.copyOf(log);
        log.clear();
        return out;
    }

    @Test
    void memberGoesMasterOnlyWhenAllWantToAndTakesTheGroupAlong() {
        vi1.start();
        vi2.start();
        drain();
        // VI_2 (priority 150) times out first at 3414.062 ms but VI_1 still waits: nothing happens.
        clock.advance(java.time.Duration.ofNanos(3_609_374_000L));
        assertEquals(List.of(), drain());
        clock.advance(java.time.Duration.ofNanos(1_000L));
        assertEquals(List.of(
                "3609.375 VI_1 advert 100", "3609.375 VI_1 addVips", "3609.375 VI_1 announce 5",
                "3609.375 VI_1 BACKUP->MASTER prio 100 (master down timer expired)",
                "3609.375 VI_2 advert 150", "3609.375 VI_2 addVips", "3609.375 VI_2 announce 5",
                "3609.375 VI_2 BACKUP->MASTER prio 150 (sync group G: VI_1 became MASTER)"), drain());
    }

    @Test
    void memberWaitsWhileAnotherMemberStillHearsAMaster() {
        vi1.start();
        vi2.start();
        drain();
        for (int i = 0; i < 20; i++) {
            clock.advance(java.time.Duration.ofMillis(500));
            vi1.onAdvert(v2(200), PEER_HIGH);
        }
        assertEquals(List.of(), drain());
        assertEquals(VrrpState.BACKUP, vi2.state());
    }

    @Test
    void memberFallingBackToBackupTakesTheGroupToBackup() {
        vi1.start();
        vi2.start();
        clock.advance(java.time.Duration.ofSeconds(4));
        drain();
        vi1.onAdvert(v2(200), PEER_HIGH);
        assertEquals(List.of(
                "4000.000 VI_1 removeVips",
                "4000.000 VI_1 MASTER->BACKUP prio 100 (higher priority 200 from 198.51.100.3)",
                "4000.000 VI_2 removeVips",
                "4000.000 VI_2 MASTER->BACKUP prio 150 (sync group G: VI_1 became BACKUP)"), drain());
    }

    @Test
    void memberFaultHoldsTheWholeGroupInFaultUntilItRecovers() {
        vi1.start();
        vi2.start();
        clock.advance(java.time.Duration.ofSeconds(4));
        drain();
        vi1.onTrackerStatus(TrackerKind.INTERFACE, "eth1", TrackerStatus.DOWN);
        assertEquals(List.of(
                "4000.000 VI_1 advert 0", "4000.000 VI_1 removeVips",
                "4000.000 VI_1 MASTER->FAULT prio 100 (tracked interface eth1 down)",
                "4000.000 VI_2 advert 0", "4000.000 VI_2 removeVips",
                "4000.000 VI_2 MASTER->FAULT prio 150 (sync group G: VI_1 tracked interface eth1 down)"), drain());
        clock.advance(java.time.Duration.ofSeconds(1));
        vi1.onTrackerStatus(TrackerKind.INTERFACE, "eth1", TrackerStatus.UP);
        assertEquals(List.of(
                "5000.000 VI_1 FAULT->BACKUP prio 100 (tracked interface eth1 up)",
                "5000.000 VI_2 FAULT->BACKUP prio 150 (tracked interface eth1 up)"), drain());
    }

    @Test
    void instanceJoinsOneGroupOnly() {
        assertThrows(IllegalStateException.class, () -> new SyncGroup("H", List.of(vi1, vi2)));
    }
}
