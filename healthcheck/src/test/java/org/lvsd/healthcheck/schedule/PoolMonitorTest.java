package org.lvsd.healthcheck.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.healthcheck.schedule.Fixtures.T0;
import static org.lvsd.healthcheck.schedule.Fixtures.rs;
import static org.lvsd.healthcheck.schedule.Fixtures.seconds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.decision.HealthEvent;
import org.lvsd.healthcheck.decision.HealthEvent.QuorumLost;
import org.lvsd.healthcheck.decision.HealthEvent.RealServerDown;
import org.lvsd.healthcheck.decision.HealthEvent.RealServerWeightChanged;
import org.lvsd.healthcheck.spec.CheckTiming;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.healthcheck.spec.RealServerSpec;
import org.lvsd.healthcheck.spec.TcpCheckSpec;
import org.lvsd.healthcheck.spec.VirtualServerSpec;

class PoolMonitorTest {

    /** delay_loop 6 s, retry 2, delay_before_retry 2 s, no warmup. */
    private static final CheckTiming TIMING = new CheckTiming(Duration.ofSeconds(6),
            Duration.ofSeconds(3), 2, Duration.ofSeconds(2), Duration.ZERO, false, 0, 0);

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final List<String> log = new ArrayList<>();
    private final Map<RealServerId, ScriptedChecker> checkers = new HashMap<>();

    private RealServerSpec server(int octet, CheckTiming timing, Duration slowStart) {
        checkers.put(rs(octet), new ScriptedChecker(scheduler, true));
        return new RealServerSpec(rs(octet), 4, false, Optional.empty(), Optional.empty(),
                slowStart, List.of(new TcpCheckSpec(timing, ConnectOptions.none())));
    }

    private PoolMonitor start(VirtualServerSpec vs) {
        return PoolMonitor.start(vs, (server, spec) -> checkers.get(server.id()), scheduler,
                new Random(7), events -> events.forEach(e ->
                        log.add(seconds(scheduler.now()) + "s "
                                + e.getClass().getSimpleName() + " " + e.reason())));
    }

    @Test
    void failingCheckerIsRetriedAtDelayBeforeRetryAndGoesDownAfterRetryPlusOne() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs", List.of(
                server(1, TIMING, Duration.ZERO), server(2, TIMING, Duration.ZERO)));
        PoolMonitor m = start(vs);
        checkers.get(rs(1)).then(true);
        checkers.get(rs(1)).always(false);
        scheduler.advance(Duration.ofSeconds(20));
        assertEquals(List.of(0L, 6L, 8L, 10L, 16L), seconds(checkers.get(rs(1)).runs()));
        assertEquals(List.of("10s RealServerDown TCP_CHECK: connection refused"), log);
        assertFalse(m.up(rs(1)));
        checkers.get(rs(1)).always(true);
        scheduler.advance(Duration.ofSeconds(6));
        assertEquals(List.of("10s RealServerDown TCP_CHECK: connection refused",
                "22s RealServerUp TCP_CHECK: ok"), log);
        assertEquals(4, m.membership().weightOf(rs(1)).getAsInt());
    }

    @Test
    void warmupSpreadsTheFirstRunsWithinWarmup() {
        CheckTiming warm = TIMING.withLoop(Duration.ofSeconds(60), Duration.ofSeconds(3),
                Duration.ofSeconds(60));
        VirtualServerSpec vs = VirtualServerSpec.of("vs", List.of(
                server(1, warm, Duration.ZERO), server(2, warm, Duration.ZERO)));
        start(vs);
        scheduler.advance(Duration.ofSeconds(60));
        Instant first1 = checkers.get(rs(1)).runs().get(0);
        Instant first2 = checkers.get(rs(2)).runs().get(0);
        assertFalse(first1.equals(first2), first1 + " " + first2);
        assertTrue(!first1.isAfter(T0.plusSeconds(60)) && !first2.isAfter(T0.plusSeconds(60)));
    }

    @Test
    void stopCancelsChecksIgnoresLateResultsAndReportsOmega() {
        CompletableFuture<CheckResult> late = new CompletableFuture<>();
        RealServerSpec rs = new RealServerSpec(rs(1), 1, false, Optional.empty(),
                Optional.of("down.sh"), Duration.ZERO,
                List.of(new TcpCheckSpec(TIMING, ConnectOptions.none())));
        VirtualServerSpec vs = new VirtualServerSpec("vs", List.of(rs), 1, 0, Optional.empty(),
                Optional.of("qdown"), Optional.empty(), true);
        List<HealthEvent> seen = new ArrayList<>();
        PoolMonitor m = PoolMonitor.start(vs, (s, c) -> new org.lvsd.healthcheck.Checker() {
            @Override
            public CompletionStage<CheckResult> check() {
                return late;
            }
        }, scheduler, new Random(1), seen::addAll);
        scheduler.runDue();
        assertEquals(List.of(new RealServerDown("vs", rs(1), "shutdown", Optional.of("down.sh")),
                new QuorumLost("vs", 0, 1, "shutdown", Optional.of("qdown"))), m.stop());
        late.complete(CheckResult.down("timeout", Duration.ZERO));
        scheduler.advance(Duration.ofMinutes(5));
        assertEquals(2, seen.size());
        assertEquals(0, scheduler.pending());
        assertEquals(List.of(), m.stop());
    }

    @Test
    void slowStartIsTickedEverySecondUntilTheRampEnds() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs", List.of(
                server(1, TIMING, Duration.ofSeconds(4)), server(2, TIMING, Duration.ZERO)));
        PoolMonitor m = start(vs);
        checkers.get(rs(1)).then(false, true);
        scheduler.advance(Duration.ofSeconds(6));
        List<String> expected = List.of(
                "0s RealServerDown TCP_CHECK: connection refused",
                "6s RealServerUp TCP_CHECK: ok",
                "8s RealServerWeightChanged slow start",
                "9s RealServerWeightChanged slow start",
                "10s RealServerWeightChanged slow start");
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(expected, log);
        assertEquals(4, m.membership().weightOf(rs(1)).getAsInt());
    }

    @Test
    void reloadKeepsUnchangedCheckersStateAndPeriod() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs", List.of(
                server(1, TIMING, Duration.ZERO), server(2, TIMING, Duration.ZERO)));
        PoolMonitor m = start(vs);
        checkers.get(rs(1)).always(false);
        scheduler.advance(Duration.ofSeconds(3));
        PoolMonitor next = m.reload(vs);
        assertFalse(next.up(rs(1)));
        assertTrue(next.up(rs(2)));
        scheduler.advance(Duration.ofSeconds(6));
        assertEquals(List.of(0L, 9L), seconds(checkers.get(rs(1)).runs()));
        assertEquals(List.of("0s RealServerDown TCP_CHECK: connection refused"), log);
        assertEquals(List.of(), m.stop());
    }

    @Test
    void reloadWithANewWeightReportsTheChangeAndServesTheNewWeight() {
        VirtualServerSpec vs = VirtualServerSpec.of("vs", List.of(
                server(1, TIMING, Duration.ZERO)));
        PoolMonitor m = start(vs);
        RealServerSpec heavier = new RealServerSpec(rs(1), 9, false, Optional.empty(),
                Optional.empty(), Duration.ZERO,
                List.of(new TcpCheckSpec(TIMING, ConnectOptions.none())));
        List<HealthEvent> seen = new ArrayList<>();
        PoolMonitor reloaded = PoolMonitor.start(vs, (s, c) -> checkers.get(s.id()), scheduler,
                new Random(1), seen::addAll).reload(VirtualServerSpec.of("vs", List.of(heavier)));
        assertEquals(List.of(new RealServerWeightChanged("vs", rs(1), 4, 9, "reload")), seen);
        assertEquals(9, reloaded.membership().weightOf(rs(1)).getAsInt());
        assertTrue(reloaded.quorumUp());
        m.stop();
    }
}
