package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code state MASTER}, {@code mcast_dst_ip}, {@code virtual_routes} and {@code virtual_rules} in
 * a running lvsd pair (v3, 0.1 s adverts, group 224.0.0.19). dir1 says {@code state MASTER}
 * without a priority: keepalived makes that the address owner (255), master at once without a
 * BACKUP phase. dir2 says {@code state MASTER} at priority 100: it still starts BACKUP and, hearing
 * dir1, stays there. The adverts on the bridge go to 224.0.0.19 only. The routes and the rule
 * exist in the master's namespace only, and move to dir2 when dir1 stops.
 */
class LvsdRoutesIT extends LabTest {

    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration CHANGE = Duration.ofSeconds(5);

    static String conf(String priorityLine) {
        return String.join("\n",
                "vrrp_instance VI_1 {",
                "    state MASTER",
                "    interface eth0",
                "    version 3",
                "    virtual_router_id 51",
                priorityLine,
                "    advert_int 0.1",
                "    mcast_dst_ip 224.0.0.19",
                "    virtual_ipaddress {",
                "        " + Lab.VIP + "/24",
                "    }",
                "    virtual_routes {",
                "        203.0.113.0/24 via 198.51.100.1 dev eth0",
                "        blackhole 192.0.2.0/24",
                "        default via 198.51.100.10 dev eth0 table 100",
                "    }",
                "    virtual_rules {",
                "        from " + Lab.VIP + " table 100 priority 1000",
                "    }",
                "}", "");
    }

    @Test
    void ownerStartsMasterRoutesAndRulesFollowTheMasterOnItsOwnGroup() throws Exception {
        lab("vdit-routes", false, false);
        Child adverts = lab.start("tcpdump-vrrp", "lan", List.of("tcpdump", "-l", "-n", "-i", "br0", "ip proto 112"));
        adverts.await(l -> l.contains("listening on"), Duration.ofSeconds(10));
        Director dir1 = director(Director.Kind.LVSD, "dir1");
        Director dir2 = director(Director.Kind.LVSD, "dir2");
        dir1.start(conf(""));
        dir1.awaitEntered(START, "MASTER");
        assertTrue(dir1.current().lines().stream().anyMatch(
                l -> l.contains("VI_1: INIT -> MASTER (address owner (priority 255))")), dir1.dump());
        dir2.start(conf("    priority 100"));
        dir2.current().await(l -> l.contains("lvsd started"), START);
        awaitSoleOwner("dir1", "dir2", Lab.VIP, START);
        // Longer than dir2's Master_Down_Interval (0.36 s): it hears dir1 on 224.0.0.19 and stays BACKUP.
        Thread.sleep(1_000);
        dir2.awaitEntered(CHANGE, "BACKUP");
        awaitRoutes("dir1", true);
        assertRoutes("dir2", false);

        List<String> vrrp = adverts.lines().stream().filter(l -> l.contains("VRRP")).toList();
        assertFalse(vrrp.isEmpty(), adverts.dump());
        assertTrue(vrrp.stream().allMatch(l -> l.contains("198.51.100.2 > 224.0.0.19: VRRPv3")
                || l.contains("198.51.100.3 > 224.0.0.19: VRRPv3")), adverts.dump());
        assertTrue(vrrp.stream().anyMatch(l -> l.contains("prio 255")), adverts.dump());

        dir1.term();
        dir2.awaitEntered(CHANGE, "BACKUP", "MASTER");
        awaitRoutes("dir2", true);
        assertRoutes("dir1", false);
        assertFalse(lab.hasVip("dir1", Lab.VIP), "VIP left behind after SIGTERM");
        adverts.kill();
    }

    private void awaitRoutes(String host, boolean present) {
        Awaitility.await(host + " routes " + present).atMost(CHANGE).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions().untilAsserted(() -> assertRoutes(host, present));
    }

    /** The two main-table routes, table 100's default and the rule: all there, or none. */
    private void assertRoutes(String host, boolean present) throws IOException {
        String main = lab.exec(host, "ip", "route", "show");
        String table100 = lab.exec(host, "ip", "route", "show", "table", "100");
        String rules = lab.exec(host, "ip", "rule", "show");
        String all = main + table100 + rules;
        assertEquals(present, main.contains("203.0.113.0/24 via 198.51.100.1 dev eth0 proto keepalived"), all);
        assertEquals(present, main.contains("blackhole 192.0.2.0/24 proto keepalived"), all);
        assertEquals(present, table100.contains("default via 198.51.100.10 dev eth0 proto keepalived"), all);
        assertEquals(present, rules.contains("1000:\tfrom " + Lab.VIP + " lookup 100"), all);
    }
}
