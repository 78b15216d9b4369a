package org.lvsd.healthcheck.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lvsd.healthcheck.schedule.Fixtures.T0;
import static org.lvsd.healthcheck.schedule.Fixtures.rs;
import static org.lvsd.healthcheck.schedule.Fixtures.seconds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.decision.HealthEvent;
import org.lvsd.healthcheck.decision.HealthEvent.QuorumLost;
import org.lvsd.healthcheck.decision.HealthEvent.RealServerDown;
import org.lvsd.healthcheck.decision.PoolMembership;
import org.lvsd.healthcheck.decision.PoolMembership.Member;
import org.lvsd.healthcheck.spec.CheckTiming;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.healthcheck.spec.RealServerSpec;
import org.lvsd.healthcheck.spec.TcpCheckSpec;
import org.lvsd.healthcheck.spec.VirtualServerSpec;

class HealthServiceTest {

    private static final CheckTiming TIMING = new CheckTiming(Duration.ofSeconds(6),
            Duration.ofSeconds(3), 0, Duration.ofSeconds(2), Duration.ZERO, false, 0, 0);

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final Map<RealServerId, ScriptedChecker> checkers = new HashMap<>();
    private final List<HealthEvent> events = new ArrayList<>();
    private final HealthService service = new HealthService(
            (s, c) -> checkers.computeIfAbsent(s.id(), k -> new ScriptedChecker(scheduler, true)),
            scheduler, new Random(3), events::addAll);

    private static VirtualServerSpec vs(String id, boolean omega, int... octets) {
        List<RealServerSpec> servers = new ArrayList<>();
        for (int o : octets) {
            servers.add(RealServerSpec.of(rs(o), 1,
                    List.of(new TcpCheckSpec(TIMING, ConnectOptions.none()))));
        }
        return new VirtualServerSpec(id, servers, 1, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), omega);
    }

    @Test
    void applyStartsKeepsAndDropsPoolsByIdWithoutSpuriousEvents() {
        service.apply(List.of(vs("a", false, 1, 2), vs("b", false, 3)));
        checkers.computeIfAbsent(rs(2), k -> new ScriptedChecker(scheduler, true)).always(false);
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(List.of(new RealServerDown("a", rs(2), "TCP_CHECK: connection refused",
                Optional.empty())), events);
        service.apply(List.of(vs("a", false, 1, 2)));
        assertEquals(Map.of("a", new PoolMembership("a", List.of(new Member(rs(1), 1, false)))),
                service.memberships());
        assertEquals(1, service.status().size());
        scheduler.advance(Duration.ofSeconds(30));
        assertEquals(1, events.size());
        // the reload at 1 s re-arms the kept checker one delay_loop later
        assertEquals(List.of(0L, 7L, 13L, 19L, 25L, 31L), seconds(checkers.get(rs(2)).runs()));
        assertEquals(List.of(0L), seconds(checkers.get(rs(3)).runs()));
    }

    @Test
    void shutdownReportsOmegaEventsOnlyForOmegaPools() {
        service.apply(List.of(vs("a", true, 1), vs("b", false, 2)));
        assertEquals(List.of(new RealServerDown("a", rs(1), "shutdown", Optional.empty()),
                new QuorumLost("a", 0, 1, "shutdown", Optional.empty())), service.shutdown());
        assertEquals(Map.of(), service.memberships());
        assertEquals(0, scheduler.pending());
    }

    @Test
    void duplicateIdsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> service.apply(List.of(vs("a", false, 1), vs("a", false, 2))));
    }
}
