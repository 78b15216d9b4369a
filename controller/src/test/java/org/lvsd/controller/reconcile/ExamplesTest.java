package org.lvsd.controller.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.controller.mapping.ConfigMapper;
import org.lvsd.controller.mapping.MappedConfig;
import org.lvsd.healthcheck.decision.PoolDecision;
import org.lvsd.healthcheck.decision.PoolMembership;
import org.lvsd.ipvs.format.IpvsadmCommand;

/**
 * Every example in conf/examples documents the ipvsadm commands a master runs for it; with every
 * real server healthy, the changes from an empty table must be exactly those commands.
 */
class ExamplesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"lvs-dr.conf", "lvs-nat.conf", "lvs-tun.conf", "fwmark.conf", "pcc.conf",
            "persistence.conf", "ppc.conf"})
    void initialChangesAreTheDocumentedIpvsadmCommands(String name) throws IOException {
        Path file = Path.of("../conf/examples", name);
        MappedConfig mapped = ConfigMapper.map(ConfigLoader.load(file, new ParseOptions("dir1", Map.of()))
                .config().orElseThrow());
        assertEquals(List.of(), mapped.diagnostics());
        Map<String, PoolMembership> pools = new LinkedHashMap<>();
        mapped.virtualServers().forEach(vs -> {
            PoolDecision pool = PoolDecision.create(vs.health(), T0);
            pool.evaluate(T0, "start");
            pools.put(vs.id(), pool.membership(T0));
        });
        List<String> documented = Files.readAllLines(file).stream().filter(l -> l.startsWith("!   ipvsadm "))
                .map(l -> l.substring("!   ipvsadm ".length())).toList();
        assertEquals(documented, TableDiff.between(DesiredTable.of(mapped, pools, Set.of()), List.of()).stream()
                .map(IpvsadmCommand::of).toList());
    }
}
