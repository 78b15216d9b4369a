package org.lvsd.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.vrrp.fsm.Scenario.PEER_HIGH;
import static org.lvsd.vrrp.fsm.Scenario.PEER_LOW;
import static org.lvsd.vrrp.fsm.Scenario.params;
import static org.lvsd.vrrp.fsm.Scenario.v2;
import static org.lvsd.vrrp.fsm.Scenario.v3;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.codec.VrrpVersion;

/** Elections between masters and backups (RFC 5798 §6.4.2, §6.4.3; reference §2.3, §2.4). */
class VrrpInstanceElectionTest {

    private final Scenario s = new Scenario();

    private VrrpInstance master(VrrpInstance vi) {
        vi.start();
        s.advanceMicros(3_609_375);
        assertEquals(VrrpState.MASTER, vi.state());
        s.actions.drain();
        return vi;
    }

    @Test
    void noPeerBecomesMasterAfterMasterDownInterval() {
        VrrpInstance vi = s.instance(params().build());
        vi.start();
        assertEquals(List.of("0.000 removeVips", "0.000 INIT->BACKUP prio 100 (started)"), s.actions.drain());
        s.advanceMicros(3_609_374);
        assertEquals(List.of(), s.actions.drain());
        s.advanceMicros(1);
        assertEquals(List.of(
                "3609.375 advert 100",
                "3609.375 addVips",
                "3609.375 announce 5",
                "3609.375 BACKUP->MASTER prio 100 (master down timer expired)"), s.actions.drain());
        s.advanceMillis(5_000);
        assertEquals(List.of(
                "4609.375 advert 100",
                "5609.375 advert 100",
                "6609.375 advert 100",
                "7609.375 advert 100",
                "8609.375 announce 5",
                "8609.375 advert 100"), s.actions.drain());
        assertEquals(1, vi.counters().becameMaster());
        assertEquals(6, vi.counters().advertsSent());
    }

    @Test
    void addressOwnerBecomesMasterAtOnce() {
        VrrpInstance vi = s.instance(params().priority(255).build());
        vi.start();
        assertEquals(List.of("0.000 advert 255", "0.000 addVips", "0.000 announce 5",
                "0.000 INIT->MASTER prio 255 (address owner (priority 255))"), s.actions.drain());
    }

    @Test
    void ownerConfiguredStateBackupWaitsMasterDownLikeAnyBackup() {
        VrrpInstance vi = s.instance(params().priority(255).initialMaster(false).build());
        vi.start();
        assertEquals(List.of("0.000 removeVips", "0.000 INIT->BACKUP prio 255 (started)"), s.actions.drain());
        // Master_Down_Interval at 255: 3 s + skew (256 - 255) / 256 s = 3003.906 ms.
        s.advanceMicros(3_003_905);
        assertEquals(List.of(), s.actions.drain());
        s.advanceMicros(1);
        assertEquals(List.of("3003.906 advert 255", "3003.906 addVips", "3003.906 announce 5",
                "3003.906 BACKUP->MASTER prio 255 (master down timer expired)"), s.actions.drain());
    }

    @Test
    void stateMasterBelowOwnerPriorityStillWaitsMasterDown() {
        VrrpInstance vi = s.instance(params().priority(150).initialMaster(true).build());
        vi.start();
        assertEquals(List.of("0.000 removeVips", "0.000 INIT->BACKUP prio 150 (started)"), s.actions.drain());
        // 3 s + (256 - 150) / 256 s = 3414.0625 ms, in whole microseconds.
        s.advanceMicros(3_414_061);
        assertEquals(List.of(), s.actions.drain());
        s.advanceMicros(1);
        assertEquals(VrrpState.MASTER, vi.state());
    }

    @Test
    void ofTwoAddressOwnersTheLowerAddressYields() {
        VrrpInstance vi = s.instance(params().priority(255).build());
        vi.start();
        s.actions.drain();
        vi.onAdvert(v2(255), PEER_LOW);
        assertEquals(VrrpState.MASTER, vi.state());
        vi.onAdvert(v2(255), PEER_HIGH);
        assertEquals(List.of("0.000 advert 255", "0.000 announce 5", "0.000 lowerPriority 255 from 198.51.100.1",
                "0.000 removeVips", "0.000 MASTER->BACKUP prio 255 (equal priority 255 from higher address 198.51.100.3)"),
                s.actions.drain());
    }

    @Test
    void higherPriorityPeerForcesBackupAndStopsOurAdvertsAndGarps() {
        VrrpInstance vi = master(s.instance(params().build()));
        vi.onAdvert(v2(150), PEER_HIGH);
        assertEquals(List.of("3609.375 removeVips",
                "3609.375 MASTER->BACKUP prio 100 (higher priority 150 from 198.51.100.3)"), s.actions.drain());
        for (int i = 0; i < 8; i++) {
            s.advanceMillis(1_000);
            vi.onAdvert(v2(150), PEER_HIGH);
        }
        assertEquals(List.of(), s.actions.drain());
        assertEquals(VrrpState.BACKUP, vi.state());
        assertEquals(1, vi.counters().releasedMaster());
    }

    @Test
    void higherPrioSendAdvertSendsOneLastAdvertBeforeYielding() {
        VrrpInstance vi = master(s.instance(params().higherPrioSendAdvert(true).build()));
        vi.onAdvert(v2(150), PEER_HIGH);
        assertEquals(List.of("3609.375 advert 100", "3609.375 removeVips",
                "3609.375 MASTER->BACKUP prio 100 (higher priority 150 from 198.51.100.3)"), s.actions.drain());
    }

    @Test
    void equalPriorityMasterYieldsToHigherPrimaryAddress() {
        VrrpInstance vi = master(s.instance(params().build()));
        vi.onAdvert(v2(100), PEER_HIGH);
        assertEquals(List.of("3609.375 removeVips",
                "3609.375 MASTER->BACKUP prio 100 (equal priority 100 from higher address 198.51.100.3)"),
                s.actions.drain());
    }

    @Test
    void equalPriorityMasterKeepsMastershipAgainstLowerPrimaryAddress() {
        VrrpInstance vi = master(s.instance(params().build()));
        vi.onAdvert(v2(100), PEER_LOW);
        assertEquals(List.of("3609.375 advert 100", "3609.375 announce 5",
                "3609.375 lowerPriority 100 from 198.51.100.1"), s.actions.drain());
        assertEquals(VrrpState.MASTER, vi.state());
    }

    @Test
    void backupAcceptsEqualPriorityMasterWhateverTheAddress() {
        VrrpInstance vi = s.instance(params().build());
        vi.start();
        s.actions.drain();
        for (int i = 0; i < 10; i++) {
            s.advanceMillis(1_000);
            vi.onAdvert(v2(100), PEER_LOW);
        }
        assertEquals(VrrpState.BACKUP, vi.state());
        assertEquals(List.of(), s.actions.drain());
    }

    @Test
    void priorityZeroAdvertMakesBackupTakeOverAfterSkewTime() {
        VrrpInstance vi = s.instance(params().build());
        vi.start();
        s.actions.drain();
        s.advanceMillis(1_000);
        vi.onAdvert(v2(150), PEER_HIGH);
        s.advanceMillis(1_000);
        vi.onAdvert(v2(0), PEER_HIGH);
        s.advanceMicros(609_374);
        assertEquals(List.of(), s.actions.drain());
        s.advanceMicros(1);
        assertEquals(List.of("2609.375 advert 100", "2609.375 addVips", "2609.375 announce 5",
                "2609.375 BACKUP->MASTER prio 100 (master 198.51.100.3 released (priority 0))"),
                s.actions.drain());
        assertEquals(1, vi.counters().priorityZeroReceived());
    }

    @Test
    void v3PriorityZeroTakeoverWaitsSkewTimeOfTheAdoptedInterval() {
        // RFC 5798 §6.1: Skew_Time = ((256 - 100) * 10 cs) / 256 = 6.09375 cs, to the microsecond
        // (keepalived's value), not 1 s based. §6.4.2: a priority-0 advert sets the down timer to
        // Skew_Time without adopting its own interval field (100 cs here).
        VrrpInstance vi = s.instance(params().version(VrrpVersion.V3).build());
        vi.start();
        s.actions.drain();
        s.advanceMillis(100);
        vi.onAdvert(v3(150, 10), PEER_HIGH);
        s.advanceMillis(100);
        vi.onAdvert(v3(0, 100), PEER_HIGH);
        s.advanceMicros(60_936);
        assertEquals(List.of(), s.actions.drain());
        s.advanceMicros(1);
        assertEquals(List.of("260.937 advert 100", "260.937 addVips", "260.937 announce 5",
                "260.937 BACKUP->MASTER prio 100 (master 198.51.100.3 released (priority 0))"),
                s.actions.drain());
    }

    @Test
    void masterAnswersPriorityZeroWithAnAdvert() {
        VrrpInstance vi = master(s.instance(params().build()));
        vi.onAdvert(v2(0), PEER_HIGH);
        assertEquals(List.of("3609.375 advert 100"), s.actions.drain());
        assertEquals(VrrpState.MASTER, vi.state());
    }

    @Test
    void masterHearingLowerPriorityReadvertisesAndSendsTwoGarpBursts() {
        VrrpInstance vi = master(s.instance(params().build()));
        s.advanceMicros(390_625);
        vi.onAdvert(v2(50), PEER_HIGH);
        s.advanceMillis(5_000);
        assertEquals(List.of(
                "4000.000 advert 100",
                "4000.000 announce 5",
                "4000.000 lowerPriority 50 from 198.51.100.3",
                "4609.375 advert 100",
                "5609.375 advert 100",
                "6609.375 advert 100",
                "7609.375 advert 100",
                "8609.375 announce 5",
                "8609.375 advert 100",
                "9000.000 announce 5"), s.actions.drain());
    }

    @Test
    void lowerPrioNoAdvertStillSendsGarpButNoAdvert() {
        VrrpInstance vi = master(s.instance(params().lowerPrioNoAdvert(true)
                .garp(new org.lvsd.vrrp.config.GarpParams(Duration.ZERO, 5, Duration.ZERO, 1, Duration.ZERO, 3))
                .build()));
        vi.onAdvert(v2(50), PEER_HIGH);
        assertEquals(List.of("3609.375 announce 3", "3609.375 lowerPriority 50 from 198.51.100.3"),
                s.actions.drain());
    }

    @Test
    void garpRefreshRepeatsWhileMaster() {
        VrrpInstance vi = s.instance(params().advertInterval(Duration.ofSeconds(100))
                .garp(new org.lvsd.vrrp.config.GarpParams(Duration.ZERO, 1, Duration.ofSeconds(30), 2,
                        Duration.ZERO, 1))
                .build());
        vi.start();
        s.actions.drain();
        s.clock.advance(Duration.ofSeconds(400));
        assertEquals(List.of(
                "300609.375 advert 100", "300609.375 addVips", "300609.375 announce 1",
                "300609.375 BACKUP->MASTER prio 100 (master down timer expired)",
                "330609.375 announce 2", "360609.375 announce 2", "390609.375 announce 2"), s.actions.drain());
    }
}
