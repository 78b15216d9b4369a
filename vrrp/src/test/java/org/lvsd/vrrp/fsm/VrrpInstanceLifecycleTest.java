package org.lvsd.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.vrrp.fsm.Scenario.PEER_HIGH;
import static org.lvsd.vrrp.fsm.Scenario.params;
import static org.lvsd.vrrp.fsm.Scenario.v2;
import static org.lvsd.vrrp.fsm.Scenario.v3;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.codec.VrrpVersion;
import org.lvsd.vrrp.track.TrackerKind;
import org.lvsd.vrrp.track.TrackerSpec;
import org.lvsd.vrrp.track.TrackerStatus;

/** Preemption, trackers, FAULT, startup and stop (reference §2.2, §2.6, §2.7, §2.13, §2.14). */
class VrrpInstanceLifecycleTest {

    private final Scenario s = new Scenario();

    /** Delivers a priority-100 advert from the peer at 500, 1500, ... ms up to {@code untilMs}. */
    private void lowerMasterAdvertises(VrrpInstance vi, int priority, long untilMs) {
        for (long t = 500; t <= untilMs; t += 1_000) {
            s.clock.advance(Duration.ofMillis(t).minus(s.clock.elapsed()));
            vi.onAdvert(v2(priority), PEER_HIGH);
        }
    }

    @Test
    void preemptingBackupDiscardsLowerMasterAndTakesOver() {
        VrrpInstance vi = s.instance(params().priority(200).build());
        vi.start();
        s.actions.drain();
        lowerMasterAdvertises(vi, 100, 3_000);
        s.advanceMillis(1_000);
        assertEquals(List.of("3218.750 advert 200", "3218.750 addVips", "3218.750 announce 5",
                "3218.750 BACKUP->MASTER prio 200 (master down timer expired)"), s.actions.drain());
    }

    @Test
    void nopreemptKeepsLowerPriorityMaster() {
        VrrpInstance vi = s.instance(params().priority(200).preempt(false).build());
        vi.start();
        s.actions.drain();
        lowerMasterAdvertises(vi, 100, 20_000);
        assertEquals(VrrpState.BACKUP, vi.state());
        assertEquals(List.of(), s.actions.drain());
    }

    @Test
    void preemptDelayAcceptsLowerMasterUntilTheDelayEnds() {
        VrrpInstance vi = s.instance(params().priority(128).preemptDelay(Duration.ofSeconds(2)).build());
        vi.start();
        s.actions.drain();
        lowerMasterAdvertises(vi, 100, 4_500);
        assertEquals(List.of(), s.actions.drain());
        s.advanceMillis(500);
        assertEquals(List.of("5000.000 advert 128", "5000.000 addVips", "5000.000 announce 5",
                "5000.000 BACKUP->MASTER prio 128 (master down timer expired)"), s.actions.drain());
    }

    @Test
    void v3BackupAdoptsTheMastersIntervalForItsDownTimer() {
        VrrpInstance vi = s.instance(params().version(VrrpVersion.V3).build());
        vi.start();
        s.actions.drain();
        s.advanceMillis(100);
        vi.onAdvert(v3(200, 50), PEER_HIGH);
        assertEquals(Duration.ofMillis(500), vi.masterAdverInterval());
        s.advanceMicros(1_804_686);
        assertEquals(List.of(), s.actions.drain());
        s.advanceMicros(1);
        s.advanceMillis(1_000);
        assertEquals(List.of("1904.687 advert 100", "1904.687 addVips", "1904.687 announce 5",
                "1904.687 BACKUP->MASTER prio 100 (master down timer expired)",
                "2904.687 advert 100"), s.actions.drain());
        assertEquals(Duration.ofSeconds(1), vi.masterAdverInterval());
    }

    @Test
    void faultOnTrackedInterfaceDownAndRecovery() {
        VrrpInstance vi = s.instance(params().trackers(List.of(TrackerSpec.iface("eth1", 0))).build());
        vi.start();
        s.advanceMicros(3_609_375);
        s.actions.drain();
        s.advanceMicros(390_625);
        vi.onTrackerStatus(TrackerKind.INTERFACE, "eth1", TrackerStatus.DOWN);
        assertEquals(List.of("4000.000 advert 0", "4000.000 removeVips",
                "4000.000 MASTER->FAULT prio 100 (tracked interface eth1 down)"), s.actions.drain());
        s.advanceMillis(1_000);
        vi.onAdvert(v2(50), PEER_HIGH);
        s.advanceMillis(1_000);
        assertEquals(List.of(), s.actions.drain());
        assertEquals(1, vi.counters().advertsIgnored());
        vi.onTrackerStatus(TrackerKind.INTERFACE, "eth1", TrackerStatus.UP);
        s.advanceMicros(3_609_375);
        assertEquals(List.of("6000.000 FAULT->BACKUP prio 100 (tracked interface eth1 up)",
                "9609.375 advert 100", "9609.375 addVips", "9609.375 announce 5",
                "9609.375 BACKUP->MASTER prio 100 (master down timer expired)"), s.actions.drain());
    }

    @Test
    void ownerWantingMasterLeavesFaultAfterIntervalPlusSkewAnOwnerStateBackupAfterMasterDown() {
        for (boolean wantsMaster : new boolean[] {true, false}) {
            Scenario sc = new Scenario();
            VrrpInstance vi = sc.instance(params().priority(255).initialMaster(wantsMaster)
                    .trackers(List.of(TrackerSpec.iface("eth1", 0))).build());
            vi.start();
            vi.onTrackerStatus(TrackerKind.INTERFACE, "eth1", TrackerStatus.DOWN);
            sc.advanceMillis(5_000);
            sc.actions.drain();
            vi.onTrackerStatus(TrackerKind.INTERFACE, "eth1", TrackerStatus.UP);
            // 1 s + (256 - 255) / 256 s = 1003.906 ms; Master_Down_Interval 3003.906 ms.
            long down = wantsMaster ? 1_003_906 : 3_003_906;
            sc.advanceMicros(down - 1);
            assertEquals(List.of("5000.000 FAULT->BACKUP prio 255 (tracked interface eth1 up)"), sc.actions.drain());
            sc.advanceMicros(1);
            assertEquals(VrrpState.MASTER, vi.state(), "state MASTER " + wantsMaster);
        }
    }

    @Test
    void unreportedWeightZeroScriptHoldsFaultFromStart() {
        VrrpInstance vi = s.instance(params().trackers(List.of(TrackerSpec.script("chk", 0, false))).build());
        vi.start();
        assertEquals(List.of("0.000 removeVips",
                "0.000 INIT->FAULT prio 100 (tracked script chk not reported yet)"), s.actions.drain());
        s.advanceMillis(1_000);
        vi.onTrackerStatus(TrackerKind.SCRIPT, "chk", TrackerStatus.UP);
        assertEquals(List.of("1000.000 FAULT->BACKUP prio 100 (tracked script chk up)"), s.actions.drain());
    }

    @Test
    void trackScriptWeightChangesEffectivePriorityAndRearmsDownTimer() {
        VrrpInstance vi = s.instance(params().priority(150)
                .trackers(List.of(TrackerSpec.script("chk", -60, false))).build());
        vi.onTrackerStatus(TrackerKind.SCRIPT, "chk", TrackerStatus.DOWN);
        assertEquals(90, vi.effectivePriority());
        vi.start();
        s.actions.drain();
        lowerMasterAdvertises(vi, 120, 9_500);
        assertEquals(VrrpState.BACKUP, vi.state());
        s.advanceMillis(500);
        vi.onTrackerStatus(TrackerKind.SCRIPT, "chk", TrackerStatus.UP);
        assertEquals(150, vi.effectivePriority());
        for (int i = 0; i < 3; i++) {
            s.advanceMillis(500);
            vi.onAdvert(v2(120), PEER_HIGH);
            s.advanceMillis(500);
        }
        assertEquals(List.of("10000.000 priority 90->150 in BACKUP"), s.actions.drain());
        s.advanceMicros(414_062);
        assertEquals(List.of("13414.062 advert 150", "13414.062 addVips", "13414.062 announce 5",
                "13414.062 BACKUP->MASTER prio 150 (master down timer expired)"), s.actions.drain());
    }

    @Test
    void startupDelayDefersEverything() {
        VrrpInstance vi = s.instance(params().startupDelay(Duration.ofSeconds(2)).build());
        vi.start();
        s.advanceMillis(1_000);
        vi.onAdvert(v2(0), PEER_HIGH);
        assertEquals(VrrpState.INIT, vi.state());
        s.advanceMillis(1_000);
        assertEquals(List.of("2000.000 removeVips", "2000.000 INIT->BACKUP prio 100 (started)"), s.actions.drain());
        s.advanceMicros(3_609_375);
        assertEquals("5609.375 BACKUP->MASTER prio 100 (master down timer expired)", s.actions.drain().get(3));
    }

    @Test
    void stopSendsPriorityZeroThenRemovesVipsAndCancelsTimers() {
        VrrpInstance vi = s.instance(params().build());
        vi.start();
        s.advanceMillis(5_000);
        s.actions.drain();
        vi.stop();
        assertEquals(List.of("5000.000 advert 0", "5000.000 removeVips",
                "5000.000 MASTER->INIT prio 100 (stop requested)"), s.actions.drain());
        s.advanceMillis(10_000);
        assertEquals(List.of(), s.actions.drain());
        assertEquals(0, s.clock.pending());
        assertEquals(1, vi.counters().priorityZeroSent());
    }

    @Test
    void externallyDeletedVipReleasesMastershipAndReElectsAfterSkew() {
        VrrpInstance vi = s.instance(params().build());
        vi.start();
        s.advanceMillis(4_000);
        s.actions.drain();
        vi.onVipsLostExternally("VIP 198.51.100.100 deleted externally");
        assertEquals(List.of("4000.000 advert 0", "4000.000 removeVips",
                "4000.000 MASTER->BACKUP prio 100 (VIP 198.51.100.100 deleted externally)"), s.actions.drain());
        s.advanceMicros(609_375);
        assertEquals(List.of("4609.375 advert 100", "4609.375 addVips", "4609.375 announce 5",
                "4609.375 BACKUP->MASTER prio 100 (master down timer expired)"), s.actions.drain());
        vi.stop();
        s.actions.drain();
        vi.onVipsLostExternally("ignored after stop");
        assertEquals(List.of(), s.actions.drain());
    }

    @Test
    void stopInBackupOnlyNotifies() {
        VrrpInstance vi = s.instance(params().build());
        vi.start();
        s.actions.drain();
        vi.stop();
        assertEquals(List.of("0.000 BACKUP->INIT prio 100 (stop requested)"), s.actions.drain());
        assertEquals(0, s.clock.pending());
    }
}
