package org.lvsd.healthcheck.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.healthcheck.decision.Specs.rs;
import static org.lvsd.healthcheck.decision.Specs.server;
import static org.lvsd.healthcheck.decision.Specs.tcp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.decision.HealthEvent.QuorumLost;
import org.lvsd.healthcheck.decision.HealthEvent.QuorumRegained;
import org.lvsd.healthcheck.decision.HealthEvent.RealServerDown;
import org.lvsd.healthcheck.decision.HealthEvent.RealServerUp;
import org.lvsd.healthcheck.decision.HealthEvent.SorryServerIn;
import org.lvsd.healthcheck.decision.HealthEvent.SorryServerOut;
import org.lvsd.healthcheck.decision.PoolMembership.Member;
import org.lvsd.healthcheck.spec.SorryServerSpec;
import org.lvsd.healthcheck.spec.VirtualServerSpec;

class QuorumTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final CheckResult OK = CheckResult.up("connected", Duration.ZERO);
    private static final CheckResult BAD = CheckResult.down("connection refused", Duration.ZERO);

    /** Three servers of weight 2; quorum 4, hysteresis 1: lost below 3, regained at 5. */
    private static VirtualServerSpec threeByTwo(Optional<SorryServerSpec> sorry) {
        return new VirtualServerSpec("vs", List.of(server(1, 2, tcp(0)), server(2, 2, tcp(0)),
                server(3, 2, tcp(0))), 4, 1, Optional.of("qup"), Optional.of("qdown"), sorry,
                false);
    }

    private static RealServerDown down(int octet) {
        return new RealServerDown("vs", rs(octet), "TCP_CHECK: connection refused",
                Optional.empty());
    }

    private static RealServerUp up(int octet) {
        return new RealServerUp("vs", rs(octet), 2, "TCP_CHECK: connected", Optional.empty());
    }

    @Test
    void quorumIsLostBelowQuorumMinusHysteresisAndRegainedAtQuorumPlusHysteresis() {
        PoolDecision pool = PoolDecision.create(threeByTwo(Optional.empty()), T0);
        assertEquals(List.of(), pool.evaluate(T0, "start"));
        assertEquals(List.of(down(1)), pool.record(rs(1), 0, BAD, T0));
        assertEquals(4, pool.aliveWeight());
        assertEquals(List.of(down(2), new QuorumLost("vs", 2, 3, "alive weight 2 < 3",
                        Optional.of("qdown"))),
                pool.record(rs(2), 0, BAD, T0));
        assertEquals(List.of(up(2)), pool.record(rs(2), 0, OK, T0));
        assertEquals(List.of(up(1), new QuorumRegained("vs", 6, 5, "alive weight 6 >= 5",
                        Optional.of("qup"))),
                pool.record(rs(1), 0, OK, T0));
    }

    @Test
    void withoutSorryServerLosingQuorumKeepsTheAliveServers() {
        PoolDecision pool = PoolDecision.create(threeByTwo(Optional.empty()), T0);
        pool.record(rs(1), 0, BAD, T0);
        pool.record(rs(2), 0, BAD, T0);
        assertEquals(new PoolMembership("vs", List.of(new Member(rs(3), 2, false))),
                pool.membership(T0));
    }

    @Test
    void sorryServerReplacesThePoolWhileQuorumIsLost() {
        SorryServerSpec sorry = new SorryServerSpec(rs(99), false);
        PoolDecision pool = PoolDecision.create(threeByTwo(Optional.of(sorry)), T0);
        pool.record(rs(1), 0, BAD, T0);
        assertEquals(List.of(down(2),
                        new QuorumLost("vs", 2, 3, "alive weight 2 < 3", Optional.of("qdown")),
                        new SorryServerIn("vs", rs(99), "quorum lost: alive weight 2 < 3")),
                pool.record(rs(2), 0, BAD, T0));
        assertEquals(new PoolMembership("vs", List.of(new Member(rs(99), 1, true))),
                pool.membership(T0));
        pool.record(rs(2), 0, OK, T0);
        assertEquals(List.of(up(1),
                        new QuorumRegained("vs", 6, 5, "alive weight 6 >= 5", Optional.of("qup")),
                        new SorryServerOut("vs", rs(99), "quorum regained: alive weight 6 >= 5")),
                pool.record(rs(1), 0, OK, T0));
        assertEquals(new PoolMembership("vs", List.of(new Member(rs(1), 2, false),
                        new Member(rs(2), 2, false), new Member(rs(3), 2, false))),
                pool.membership(T0));
    }

    @Test
    void inhibitedSorryServerStaysAtWeightZeroWhileQuorumHolds() {
        VirtualServerSpec vs = new VirtualServerSpec("vs", List.of(server(1, 3, tcp(0))), 1, 0,
                Optional.empty(), Optional.empty(),
                Optional.of(new SorryServerSpec(rs(99), true)), false);
        PoolDecision pool = PoolDecision.create(vs, T0);
        assertEquals(new PoolMembership("vs", List.of(new Member(rs(1), 3, false),
                        new Member(rs(99), 0, true))),
                pool.membership(T0));
        pool.record(rs(1), 0, BAD, T0);
        assertEquals(new PoolMembership("vs", List.of(new Member(rs(99), 1, true))),
                pool.membership(T0));
    }

    @Test
    void inhibitOnFailureKeepsFailedServersAtWeightZero() {
        VirtualServerSpec vs = new VirtualServerSpec("vs", List.of(
                Specs.inhibited(1, 3, tcp(0)), server(2, 3, tcp(0))), 1, 0,
                Optional.empty(), Optional.empty(),
                Optional.of(new SorryServerSpec(rs(99), false)), false);
        PoolDecision pool = PoolDecision.create(vs, T0);
        pool.record(rs(1), 0, BAD, T0);
        assertEquals(new PoolMembership("vs", List.of(new Member(rs(1), 0, false),
                        new Member(rs(2), 3, false))),
                pool.membership(T0));
        pool.record(rs(2), 0, BAD, T0);
        assertEquals(new PoolMembership("vs", List.of(new Member(rs(1), 0, false),
                        new Member(rs(99), 1, true))),
                pool.membership(T0));
    }

    @Test
    void statusReportsEveryServerWithWeightAndReason() {
        SorryServerSpec sorry = new SorryServerSpec(rs(99), false);
        PoolDecision pool = PoolDecision.create(threeByTwo(Optional.of(sorry)), T0);
        pool.record(rs(1), 0, BAD, T0);
        pool.record(rs(2), 0, BAD, T0);
        assertEquals(new PoolStatus("vs", false, true, 2, List.of(
                        new PoolStatus.Server(rs(1), false, 0, "TCP_CHECK: connection refused"),
                        new PoolStatus.Server(rs(2), false, 0, "TCP_CHECK: connection refused"),
                        new PoolStatus.Server(rs(3), true, 2, "all checkers up"))),
                pool.status(T0));
    }

    @Test
    void zeroAliveWeightLosesTheQuorumEvenWhenQuorumIsZero() {
        VirtualServerSpec vs = new VirtualServerSpec("vs", List.of(server(1, 0, tcp(0))), 0, 0,
                Optional.empty(), Optional.empty(), Optional.empty(), false);
        PoolDecision pool = PoolDecision.create(vs, T0);
        assertEquals(List.of(new QuorumLost("vs", 0, 0, "alive weight 0 < 0", Optional.empty())),
                pool.evaluate(T0, "start"));
    }

    @Test
    void omegaShutdownReportsEveryUpServerAndTheQuorum() {
        VirtualServerSpec vs = new VirtualServerSpec("vs", List.of(Specs.notifying(1, 1, tcp(0)),
                Specs.notifying(2, 1, tcp(0))), 1, 0, Optional.empty(), Optional.of("qdown"),
                Optional.empty(), true);
        PoolDecision pool = PoolDecision.create(vs, T0);
        pool.record(rs(2), 0, BAD, T0);
        assertEquals(List.of(
                        new RealServerDown("vs", rs(1), "shutdown", Optional.of("down.sh 1")),
                        new QuorumLost("vs", 0, 1, "shutdown", Optional.of("qdown"))),
                pool.shutdown());
    }

    @Test
    void shutdownWithoutOmegaReportsNothing() {
        PoolDecision pool = PoolDecision.create(threeByTwo(Optional.empty()), T0);
        assertEquals(List.of(), pool.shutdown());
    }
}
