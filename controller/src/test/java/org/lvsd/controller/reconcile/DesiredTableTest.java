package org.lvsd.controller.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.controller.reconcile.Tables.ip;
import static org.lvsd.controller.reconcile.Tables.route;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.controller.mapping.ConfigMapper;
import org.lvsd.controller.mapping.MappedConfig;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.decision.PoolDecision;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;

/** The desired table from a mapped config and pool memberships decided by the healthcheck module. */
class DesiredTableTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RealServerId RS1 = new RealServerId(ip("198.51.100.21"), 80);
    private static final RealServerId RS2 = new RealServerId(ip("198.51.100.22"), 80);
    private static final VirtualService WEB = VirtualService.of(ServiceKey.tcp(ip("198.51.100.100"), 80), "rr");

    private static MappedConfig config(String extra) {
        String text = "virtual_server 198.51.100.100 80 {\n lvs_sched rr\n lvs_method DR\n protocol TCP\n" + extra
                + " real_server 198.51.100.21 80 { weight 2\n TCP_CHECK { retry 0 } }\n"
                + " real_server 198.51.100.22 80 { weight 3\n TCP_CHECK { retry 0 } }\n}\n";
        MappedConfig m = ConfigMapper.map(ConfigLoader.load(text, "lvsd.conf", new ParseOptions("x", Map.of()))
                .config().orElseThrow());
        assertEquals(false, m.hasErrors());
        return m;
    }

    /** The pool after the listed servers failed once (retry 0: one failure takes a server down). */
    private static DesiredTable table(MappedConfig m, Set<Drain> drains, RealServerId... failed) {
        PoolDecision pool = PoolDecision.create(m.virtualServers().get(0).health(), T0);
        pool.evaluate(T0, "start");
        for (RealServerId rs : failed) {
            pool.record(rs, 0, CheckResult.down("connection refused", Duration.ZERO), T0);
        }
        return DesiredTable.of(m, Map.of("TCP 198.51.100.100:80", pool.membership(T0)), drains);
    }

    @Test
    void aliveServersAtTheirWeights() {
        assertEquals(new DesiredTable(List.of(new DesiredService(WEB, List.of(route("198.51.100.21", 80, 2),
                route("198.51.100.22", 80, 3))))), table(config(""), Set.of()));
    }

    @Test
    void aFailedServerLeavesTheTable() {
        assertEquals(List.of(route("198.51.100.22", 80, 3)),
                table(config(""), Set.of(), RS1).services().get(0).destinations());
    }

    @Test
    void inhibitOnFailureKeepsAFailedServerAtWeightZero() {
        assertEquals(List.of(route("198.51.100.21", 80, 0), route("198.51.100.22", 80, 3)),
                table(config(" inhibit_on_failure\n"), Set.of(), RS1).services().get(0).destinations());
    }

    @Test
    void quorumLostPutsTheSorryServerAlone() {
        MappedConfig m = config(" quorum 4\n sorry_server 10.0.0.99 8080\n sorry_server_lvs_method NAT\n");
        assertEquals(List.of(route("198.51.100.21", 80, 2), route("198.51.100.22", 80, 3)),
                table(m, Set.of()).services().get(0).destinations());
        assertEquals(List.of(Destination.of(Tables.rs("10.0.0.99", 8080), ForwardMethod.MASQ, 1)),
                table(m, Set.of(), RS1).services().get(0).destinations());
    }

    @Test
    void sorryServerInhibitKeepsItAtWeightZeroWhileUnused() {
        MappedConfig m = config(" sorry_server 10.0.0.99 80\n sorry_server_inhibit\n");
        assertEquals(List.of(route("198.51.100.21", 80, 2), route("198.51.100.22", 80, 3), route("10.0.0.99", 80, 0)),
                table(m, Set.of()).services().get(0).destinations());
        assertEquals(List.of(route("10.0.0.99", 80, 1)),
                table(m, Set.of(), RS1, RS2).services().get(0).destinations());
    }

    @Test
    void drainedServersStayAtWeightZero() {
        assertEquals(List.of(route("198.51.100.21", 80, 0), route("198.51.100.22", 80, 3)),
                table(config(""), Set.of(Drain.everywhere(RS1))).services().get(0).destinations());
        assertEquals(List.of(route("198.51.100.21", 80, 2), route("198.51.100.22", 80, 0)),
                table(config(""), Set.of(Drain.in("TCP 198.51.100.100:80", RS2), Drain.in("FWM 1", RS1)))
                        .services().get(0).destinations());
    }

    @Test
    void aPoolWithoutMembershipHasNoDestinations() {
        assertEquals(new DesiredTable(List.of(new DesiredService(WEB, List.of()))),
                DesiredTable.of(config(""), Map.of(), Set.of()));
    }

    @Test
    void everyServiceOfAGroupGetsThePool() {
        String text = """
                virtual_server_group G { 198.51.100.100-101 80 }
                virtual_server group G {
                    lvs_sched rr
                    lvs_method DR
                    protocol TCP
                    real_server 198.51.100.21 { }
                }
                """;
        MappedConfig m = ConfigMapper.map(ConfigLoader.load(text, "lvsd.conf", new ParseOptions("x", Map.of()))
                .config().orElseThrow());
        PoolDecision pool = PoolDecision.create(m.virtualServers().get(0).health(), T0);
        pool.evaluate(T0, "start");
        assertEquals(new DesiredTable(List.of(
                new DesiredService(WEB, List.of(route("198.51.100.21", 80, 1))),
                new DesiredService(VirtualService.of(ServiceKey.tcp(ip("198.51.100.101"), 80), "rr"),
                        List.of(route("198.51.100.21", 80, 1))))),
                DesiredTable.of(m, Map.of("group G", pool.membership(T0)), Set.of()));
    }

    @Test
    void aSorryServerThatIsAlsoARealServerAppearsOnceWithTheHigherWeight() {
        MappedConfig m = config(" sorry_server 198.51.100.22 80\n sorry_server_inhibit\n");
        assertEquals(List.of(route("198.51.100.21", 80, 2), route("198.51.100.22", 80, 3)),
                table(m, Set.of()).services().get(0).destinations());
    }
}
