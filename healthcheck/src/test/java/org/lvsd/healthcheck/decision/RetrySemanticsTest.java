package org.lvsd.healthcheck.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import org.lvsd.healthcheck.spec.VirtualServerSpec;

class RetrySemanticsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final CheckResult OK = CheckResult.up("connected", Duration.ofMillis(1));
    private static final CheckResult REFUSED =
            CheckResult.down("connection refused", Duration.ofMillis(1));

    @Test
    void nonAlphaServerStartsUpAndItsFirstFailureTakesItDownAtOnce() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs", List.of(server(1, 1, tcp(3)),
                server(2, 1, tcp(3))));
        PoolDecision pool = PoolDecision.create(vs, T0);
        assertEquals(List.of(), pool.evaluate(T0, "start"));
        assertTrue(pool.up(rs(1)));
        assertEquals(List.of(new RealServerDown("vs", rs(1), "TCP_CHECK: connection refused",
                        Optional.empty())),
                pool.record(rs(1), 0, REFUSED, T0));
    }

    @Test
    void upCheckerGoesDownAfterRetryPlusOneConsecutiveFailures() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs", List.of(server(1, 1, tcp(2)),
                server(2, 1, tcp(2))));
        PoolDecision pool = PoolDecision.create(vs, T0);
        assertEquals(List.of(), pool.record(rs(1), 0, OK, T0));
        assertEquals(List.of(), pool.record(rs(1), 0, REFUSED, T0));
        assertTrue(pool.retrying(rs(1), 0));
        assertEquals(List.of(), pool.record(rs(1), 0, REFUSED, T0));
        assertEquals(List.of(new RealServerDown("vs", rs(1), "TCP_CHECK: connection refused",
                        Optional.empty())),
                pool.record(rs(1), 0, REFUSED, T0));
        assertFalse(pool.retrying(rs(1), 0));
    }

    @Test
    void successDuringRetriesResetsTheFailureCount() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs", List.of(server(1, 1, tcp(1)),
                server(2, 1, tcp(1))));
        PoolDecision pool = PoolDecision.create(vs, T0);
        pool.record(rs(1), 0, OK, T0);
        assertEquals(List.of(), pool.record(rs(1), 0, REFUSED, T0));
        assertEquals(List.of(), pool.record(rs(1), 0, OK, T0));
        assertFalse(pool.retrying(rs(1), 0));
        assertEquals(List.of(), pool.record(rs(1), 0, REFUSED, T0));
        assertEquals(1, pool.record(rs(1), 0, REFUSED, T0).size());
    }

    @Test
    void downCheckerComesBackAfterOneSuccess() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs", List.of(server(1, 5, tcp(3)),
                server(2, 1, tcp(3))));
        PoolDecision pool = PoolDecision.create(vs, T0);
        pool.record(rs(1), 0, REFUSED, T0);
        assertEquals(List.of(new RealServerUp("vs", rs(1), 5, "TCP_CHECK: connected",
                        Optional.empty())),
                pool.record(rs(1), 0, OK, T0));
    }

    @Test
    void alphaServerStartsDownAndNeedsOneSuccess() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs",
                List.of(server(1, 1, tcp(Specs.timing(1).withAlpha(true)))));
        PoolDecision pool = PoolDecision.create(vs, T0);
        assertFalse(pool.up(rs(1)));
        assertEquals(List.of(new QuorumLost("vs", 0, 1, "alive weight 0 < 1", Optional.empty())),
                pool.evaluate(T0, "start"));
        assertEquals(List.of(), pool.record(rs(1), 0, REFUSED, T0));
        assertEquals(List.of(
                        new RealServerUp("vs", rs(1), 1, "TCP_CHECK: connected", Optional.empty()),
                        new QuorumRegained("vs", 1, 1, "alive weight 1 >= 1", Optional.empty())),
                pool.record(rs(1), 0, OK, T0));
    }

    @Test
    void riseAndFallReplaceRetryAndTheInitialFastFailure() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs", List.of(
                server(1, 1, tcp(Specs.timing(9).withRiseFall(2, 2))), server(2, 1, tcp(1))));
        PoolDecision pool = PoolDecision.create(vs, T0);
        assertEquals(List.of(), pool.record(rs(1), 0, REFUSED, T0));
        assertEquals(List.of(new RealServerDown("vs", rs(1), "TCP_CHECK: connection refused",
                        Optional.empty())),
                pool.record(rs(1), 0, REFUSED, T0));
        assertEquals(List.of(), pool.record(rs(1), 0, OK, T0));
        assertEquals(List.of(new RealServerUp("vs", rs(1), 1, "TCP_CHECK: connected",
                        Optional.empty())),
                pool.record(rs(1), 0, OK, T0));
    }

    @Test
    void serverIsUpOnlyWhenAllItsCheckersPass() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs", List.of(
                server(1, 1, tcp(0), tcp(Specs.timing(0).withAlpha(true))), server(2, 1)));
        PoolDecision pool = PoolDecision.create(vs, T0);
        assertFalse(pool.up(rs(1)));
        assertTrue(pool.up(rs(2)));
        assertEquals(List.of(new RealServerUp("vs", rs(1), 1, "TCP_CHECK: connected",
                        Optional.empty())),
                pool.record(rs(1), 1, OK, T0));
        assertEquals(List.of(new RealServerDown("vs", rs(1), "TCP_CHECK: connection refused",
                        Optional.empty())),
                pool.record(rs(1), 0, REFUSED, T0));
        assertEquals(List.of(), pool.record(rs(1), 1, REFUSED, T0));
        assertEquals(List.of(), pool.record(rs(1), 0, OK, T0));
        assertEquals(1, pool.record(rs(1), 1, OK, T0).size());
    }

    @Test
    void notifyCommandsTravelWithServerEvents() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs", List.of(
                Specs.notifying(1, 1, tcp(0)), server(2, 1, tcp(0))));
        PoolDecision pool = PoolDecision.create(vs, T0);
        assertEquals(List.of(new RealServerDown("vs", rs(1), "TCP_CHECK: connection refused",
                        Optional.of("down.sh 1"))),
                pool.record(rs(1), 0, REFUSED, T0));
        assertEquals(List.of(new RealServerUp("vs", rs(1), 1, "TCP_CHECK: connected",
                        Optional.of("up.sh 1"))),
                pool.record(rs(1), 0, OK, T0));
    }
}
