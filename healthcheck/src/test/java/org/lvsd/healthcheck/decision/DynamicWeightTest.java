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
import org.lvsd.healthcheck.WeightEffect;
import org.lvsd.healthcheck.decision.HealthEvent.RealServerUp;
import org.lvsd.healthcheck.decision.HealthEvent.RealServerWeightChanged;
import org.lvsd.healthcheck.decision.PoolMembership.Member;
import org.lvsd.healthcheck.spec.VirtualServerSpec;

class DynamicWeightTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static CheckResult exit(int code, WeightEffect effect) {
        return new CheckResult(true, "exit " + code, Duration.ZERO, effect);
    }

    @Test
    void miscDynamicSetsTheWeightAndExitZeroRestoresTheConfiguredOne() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs",
                List.of(server(1, 3, Specs.miscDynamic()), server(2, 1, tcp(0))));
        PoolDecision pool = PoolDecision.create(vs, T0);
        assertEquals(List.of(new RealServerWeightChanged("vs", rs(1), 3, 10,
                        "MISC_CHECK: exit 12")),
                pool.record(rs(1), 0, exit(12, WeightEffect.set(10)), T0));
        assertEquals(List.of(), pool.record(rs(1), 0, exit(12, WeightEffect.set(10)), T0));
        assertEquals(List.of(new RealServerWeightChanged("vs", rs(1), 10, 3,
                        "MISC_CHECK: exit 0")),
                pool.record(rs(1), 0, exit(0, WeightEffect.none()), T0));
    }

    @Test
    void failingDynamicCheckerKeepsItsLastWeightForTheRecovery() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs",
                List.of(server(1, 3, Specs.miscDynamic()), server(2, 1, tcp(0))));
        PoolDecision pool = PoolDecision.create(vs, T0);
        pool.record(rs(1), 0, exit(7, WeightEffect.set(5)), T0);
        pool.record(rs(1), 0, CheckResult.down("exit 1", Duration.ZERO), T0);
        assertEquals(List.of(new RealServerUp("vs", rs(1), 4, "MISC_CHECK: exit 6",
                        Optional.empty())),
                pool.record(rs(1), 0, exit(6, WeightEffect.set(4)), T0));
    }

    @Test
    void fileCheckAddsToTheWeightAndNeverGoesBelowZero() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs",
                List.of(server(1, 3, Specs.fileDynamic()), server(2, 1, tcp(0))));
        PoolDecision pool = PoolDecision.create(vs, T0);
        assertEquals(List.of(new RealServerWeightChanged("vs", rs(1), 3, 7,
                        "FILE_CHECK: value 2")),
                pool.record(rs(1), 0, new CheckResult(true, "value 2", Duration.ZERO,
                        WeightEffect.add(4)), T0));
        assertEquals(List.of(new RealServerWeightChanged("vs", rs(1), 7, 0,
                        "FILE_CHECK: value -5")),
                pool.record(rs(1), 0, new CheckResult(true, "value -5", Duration.ZERO,
                        WeightEffect.add(-10)), T0));
        assertEquals(0, pool.membership(T0).weightOf(rs(1)).getAsInt());
    }

    @Test
    void slowStartRampsTheWeightAfterRecoveryButNotAtStart() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs", List.of(
                Specs.slow(1, 10, Duration.ofSeconds(10), tcp(0)), server(2, 1, tcp(0))));
        PoolDecision pool = PoolDecision.create(vs, T0);
        assertEquals(10, pool.membership(T0).weightOf(rs(1)).getAsInt());
        pool.record(rs(1), 0, CheckResult.down("connection refused", Duration.ZERO), T0);
        assertEquals(List.of(new RealServerUp("vs", rs(1), 1, "TCP_CHECK: connected",
                        Optional.empty())),
                pool.record(rs(1), 0, CheckResult.up("connected", Duration.ZERO), T0));
        assertEquals(true, pool.ramping());
        assertEquals(List.of(new RealServerWeightChanged("vs", rs(1), 1, 3, "slow start")),
                pool.tick(T0.plusSeconds(3)));
        assertEquals(List.of(), pool.tick(T0.plusMillis(3_500)));
        assertEquals(new PoolMembership("vs", List.of(new Member(rs(1), 5, false),
                        new Member(rs(2), 1, false))),
                pool.membership(T0.plusSeconds(5)));
        assertEquals(List.of(new RealServerWeightChanged("vs", rs(1), 3, 10, "slow start")),
                pool.tick(T0.plusSeconds(11)));
        assertEquals(false, pool.ramping());
    }

    @Test
    void quorumCountsTheFullWeightDuringSlowStart() {
        VirtualServerSpec vs = new VirtualServerSpec("vs", List.of(
                Specs.slow(1, 10, Duration.ofSeconds(10), tcp(0))), 5, 0, Optional.empty(),
                Optional.empty(), Optional.empty(), false);
        PoolDecision pool = PoolDecision.create(vs, T0);
        pool.record(rs(1), 0, CheckResult.down("connection refused", Duration.ZERO), T0);
        pool.record(rs(1), 0, CheckResult.up("connected", Duration.ZERO), T0);
        assertEquals(true, pool.quorumUp());
        assertEquals(10, pool.aliveWeight());
    }
}
