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
import org.lvsd.healthcheck.decision.HealthEvent.RealServerDown;
import org.lvsd.healthcheck.decision.HealthEvent.RealServerWeightChanged;
import org.lvsd.healthcheck.spec.VirtualServerSpec;

class ReloadTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final CheckResult BAD = CheckResult.down("connection refused", Duration.ZERO);
    private static final CheckResult OK = CheckResult.up("connected", Duration.ZERO);

    @Test
    void unchangedCheckerKeepsItsStateAndRetryCount() {
        VirtualServerSpec before = VirtualServerSpec.of("vs",
                List.of(server(1, 1, tcp(1)), server(2, 1, tcp(1))));
        PoolDecision old = PoolDecision.create(before, T0);
        old.record(rs(1), 0, BAD, T0);
        old.record(rs(2), 0, OK, T0);
        old.record(rs(2), 0, BAD, T0);
        PoolDecision next = PoolDecision.reload(before, old, T0);
        assertEquals(List.of(), next.evaluate(T0, "reload"));
        assertFalse(next.up(rs(1)));
        assertTrue(next.retrying(rs(2), 0));
        assertEquals(List.of(new RealServerDown("vs", rs(2), "TCP_CHECK: connection refused",
                        Optional.empty()),
                        new QuorumLost("vs", 0, 1, "alive weight 0 < 1", Optional.empty())),
                next.record(rs(2), 0, BAD, T0));
    }

    @Test
    void changedCheckerOnADownServerStartsDownAndNeedsOneSuccess() {
        VirtualServerSpec before = VirtualServerSpec.of("vs",
                List.of(server(1, 1, tcp(1)), server(2, 1, tcp(1))));
        PoolDecision old = PoolDecision.create(before, T0);
        old.record(rs(1), 0, BAD, T0);
        VirtualServerSpec after = VirtualServerSpec.of("vs",
                List.of(server(1, 1, tcp(4)), server(2, 1, tcp(1))));
        PoolDecision next = PoolDecision.reload(after, old, T0);
        assertEquals(List.of(), next.evaluate(T0, "reload"));
        assertFalse(next.up(rs(1)));
        assertEquals(1, next.record(rs(1), 0, OK, T0).size());
    }

    @Test
    void changedCheckerOnAnUpServerStartsFreshAndUp() {
        VirtualServerSpec before = VirtualServerSpec.of("vs",
                List.of(server(1, 1, tcp(1)), server(2, 1, tcp(1))));
        PoolDecision old = PoolDecision.create(before, T0);
        old.record(rs(1), 0, OK, T0);
        old.record(rs(1), 0, BAD, T0);
        VirtualServerSpec after = VirtualServerSpec.of("vs",
                List.of(server(1, 1, tcp(2)), server(2, 1, tcp(1))));
        PoolDecision next = PoolDecision.reload(after, old, T0);
        assertTrue(next.up(rs(1)));
        assertFalse(next.retrying(rs(1), 0));
    }

    @Test
    void weightChangeOfAKeptServerIsAnEventAndQuorumStateCarriesOver() {
        VirtualServerSpec before = new VirtualServerSpec("vs", List.of(server(1, 1, tcp(0)),
                server(2, 1, tcp(0))), 2, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), false);
        PoolDecision old = PoolDecision.create(before, T0);
        old.record(rs(2), 0, BAD, T0);
        assertFalse(old.quorumUp());
        VirtualServerSpec after = new VirtualServerSpec("vs", List.of(server(1, 4, tcp(0)),
                server(2, 1, tcp(0))), 2, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), false);
        PoolDecision next = PoolDecision.reload(after, old, T0);
        assertFalse(next.quorumUp());
        List<HealthEvent> events = next.evaluate(T0, "reload");
        assertEquals(new RealServerWeightChanged("vs", rs(1), 1, 4, "reload"), events.get(0));
        assertEquals(HealthEvent.QuorumRegained.class, events.get(1).getClass());
        assertEquals(2, events.size());
    }

    @Test
    void newServerStartsAsConfiguredAndRemovedServerDisappears() {
        VirtualServerSpec before = VirtualServerSpec.of("vs",
                List.of(server(1, 1, tcp(0)), server(2, 1, tcp(0))));
        PoolDecision old = PoolDecision.create(before, T0);
        VirtualServerSpec after = VirtualServerSpec.of("vs",
                List.of(server(1, 1, tcp(0)), server(3, 1, tcp(Specs.timing(0).withAlpha(true)))));
        PoolDecision next = PoolDecision.reload(after, old, T0);
        assertEquals(List.of(), next.evaluate(T0, "reload"));
        assertFalse(next.up(rs(3)));
        assertEquals(Optional.empty(),
                next.membership(T0).members().stream().filter(m -> m.server().equals(rs(2)))
                        .findFirst());
    }
}
