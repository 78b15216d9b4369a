package org.lvsd.controller.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.controller.mapping.ConfigMapper;
import org.lvsd.controller.mapping.MappedConfig;
import org.lvsd.healthcheck.decision.PoolDecision;
import org.lvsd.healthcheck.decision.PoolMembership;
import org.lvsd.ipvs.format.IpvsadmCommand;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;

/** A reload (keepalived §3.9): changed services are edited, not recreated; removed ones are deleted. */
class ReloadTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock FIXED = Clock.fixed(T0, ZoneOffset.UTC);

    private static DesiredTable table(String text) {
        MappedConfig m = ConfigMapper.map(ConfigLoader.load(text, "lvsd.conf", new ParseOptions("x", Map.of()))
                .config().orElseThrow());
        assertEquals(List.of(), m.diagnostics());
        Map<String, PoolMembership> pools = new java.util.LinkedHashMap<>();
        m.virtualServers().forEach(vs -> {
            PoolDecision d = PoolDecision.create(vs.health(), T0);
            d.evaluate(T0, "start");
            pools.put(vs.id(), d.membership(T0));
        });
        return DesiredTable.of(m, pools, Set.of());
    }

    @Test
    void changedSchedulerAndPersistenceAreEditsAndARemovedVirtualServerIsDeleted() {
        InMemoryIpvsDriver driver = new InMemoryIpvsDriver(FIXED);
        Reconciler r = new Reconciler(driver, FIXED, false);
        r.reconcile(table("""
                virtual_server 198.51.100.100 80 {
                    lvs_sched rr
                    lvs_method DR
                    protocol TCP
                    real_server 198.51.100.21 80 { }
                    real_server 198.51.100.22 80 { }
                }
                virtual_server fwmark 5 {
                    lvs_sched wlc
                    lvs_method DR
                    real_server 198.51.100.21 0 { }
                }
                """));
        ReconcileRun reload = r.reconcile(table("""
                virtual_server 198.51.100.100 80 {
                    lvs_sched wrr
                    lvs_method DR
                    protocol TCP
                    persistence_timeout 120
                    real_server 198.51.100.21 80 { weight 4 }
                }
                """));
        assertEquals(List.of(
                "-E -t 198.51.100.100:80 -s wrr -p 120",
                "-d -t 198.51.100.100:80 -r 198.51.100.22:80",
                "-e -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 4",
                "-d -f 5 -r 198.51.100.21:0",
                "-D -f 5"), reload.applied().stream().map(IpvsadmCommand::of).toList());
        assertEquals(0, reload.repairs());
    }
}
