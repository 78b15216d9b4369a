package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.config.InstanceParams;

/** Which instances a reload leaves alone, starts, stops and restarts. */
class ReloadPlanTest {

    private static InstanceKey key(String name, int vrid, int priority, List<String> group) throws Exception {
        InstanceParams p = InstanceParams.builder(name, vrid, InetAddress.getByName("198.51.100.2"))
                .priority(priority).vips(List.of(InetAddress.getByName("198.51.100." + vrid))).build();
        return new InstanceKey(p, "eth0", List.of(), List.of(), List.of(), List.of(), false, 255, "eth0", group);
    }

    private static Map<String, InstanceKey> keys(InstanceKey... keys) {
        Map<String, InstanceKey> m = new LinkedHashMap<>();
        for (InstanceKey k : keys) {
            m.put(k.params().name(), k);
        }
        return m;
    }

    @Test
    void equalKeysAreUnchangedNewOnesAddedMissingOnesRemovedOthersChanged() throws Exception {
        Map<String, InstanceKey> running = keys(key("VI_1", 51, 150, List.of()), key("VI_2", 52, 150, List.of()),
                key("VI_3", 53, 150, List.of()));
        Map<String, InstanceKey> next = keys(key("VI_4", 54, 100, List.of()), key("VI_1", 51, 150, List.of()),
                key("VI_3", 53, 120, List.of()));
        ReloadPlan plan = ReloadPlan.between(running, next);
        assertEquals(new ReloadPlan(List.of("VI_1"), List.of("VI_4"), List.of("VI_2"), List.of("VI_3")), plan);
        assertEquals(List.of("vrrp_instance VI_1: unchanged", "vrrp_instance VI_4: added",
                "vrrp_instance VI_2: removed (priority 0, VIPs removed)", "vrrp_instance VI_3: changed (restarts)"),
                plan.lines());
        assertEquals("VRRP: 1 unchanged, 1 added, 1 removed, 1 changed", plan.summary());
    }

    @Test
    void sameConfigurationChangesNothing() throws Exception {
        Map<String, InstanceKey> running = keys(key("VI_1", 51, 150, List.of()));
        assertEquals(new ReloadPlan(List.of("VI_1"), List.of(), List.of(), List.of()),
                ReloadPlan.between(running, keys(key("VI_1", 51, 150, List.of()))));
    }

    @Test
    void aChangedMemberRestartsItsWholeSyncGroupButNoOtherInstance() throws Exception {
        List<String> g = List.of("G", "VI_1", "VI_2");
        Map<String, InstanceKey> running = keys(key("VI_1", 51, 150, g), key("VI_2", 52, 150, g),
                key("VI_3", 53, 150, List.of()));
        Map<String, InstanceKey> next = keys(key("VI_1", 51, 150, g), key("VI_2", 52, 200, g),
                key("VI_3", 53, 150, List.of()));
        assertEquals(new ReloadPlan(List.of("VI_3"), List.of(), List.of(), List.of("VI_1", "VI_2")),
                ReloadPlan.between(running, next));
    }

    @Test
    void anEmptyConfigurationRemovesEverything() throws Exception {
        Map<String, InstanceKey> running = keys(key("VI_1", 51, 150, List.of()), key("VI_2", 52, 150, List.of()));
        assertEquals(new ReloadPlan(List.of(), List.of(), List.of("VI_1", "VI_2"), List.of()),
                ReloadPlan.between(running, Map.of()));
    }
}
