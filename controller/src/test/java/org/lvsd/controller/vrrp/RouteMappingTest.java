package org.lvsd.controller.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.model.VrrpInstance;
import org.lvsd.netlink.route.Family;
import org.lvsd.netlink.route.Route;
import org.lvsd.netlink.route.RouteType;
import org.lvsd.netlink.route.Rule;
import org.lvsd.netlink.route.RuleAction;
import org.lvsd.netlink.route.Scope;
import org.lvsd.vrrp.addr.VirtualRoute;

class RouteMappingTest {

    private static InetAddress ip(String s) throws IOException {
        return InetAddress.getByName(s);
    }

    private static VrrpInstance instance(String routes, String rules) {
        KeepalivedConfig c = InstanceMappingTest.load("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 51\n"
                + " virtual_ipaddress {\n  198.51.100.100/24\n }\n virtual_routes {\n" + routes + "\n }\n"
                + " virtual_rules {\n" + rules + "\n }\n}\n");
        return c.instances().get("VI_1");
    }

    @Test
    void mapsTheManPageRouteExamples() throws IOException {
        List<VirtualRoute> r = RouteMapping.routes(instance("""
                src 198.51.100.100 to 203.0.113.0/24 via 198.51.100.1 dev eth0
                blackhole 192.0.2.0/24
                0.0.0.0/0 gw 198.51.100.1 table 100 metric 7
                198.51.100.128/25 dev eth0
                default via 2001:db8::1 table main
                """, "from 198.51.100.100 table 100"));
        assertEquals(List.of(
                new VirtualRoute(new Route(ip("203.0.113.0"), 24, RouteType.UNICAST, Route.TABLE_MAIN,
                        Route.PROTO_KEEPALIVED, Scope.UNIVERSE, Optional.of(ip("198.51.100.1")), OptionalInt.empty(),
                        Optional.of(ip("198.51.100.100")), OptionalInt.empty()), Optional.of("eth0")),
                new VirtualRoute(Route.reject(RouteType.BLACKHOLE, ip("192.0.2.0"), 24)
                        .withProtocol(Route.PROTO_KEEPALIVED), Optional.empty()),
                new VirtualRoute(Route.via(ip("0.0.0.0"), 0, ip("198.51.100.1")).withTable(100).withPriority(7)
                        .withProtocol(Route.PROTO_KEEPALIVED), Optional.empty()),
                new VirtualRoute(new Route(ip("198.51.100.128"), 25, RouteType.UNICAST, Route.TABLE_MAIN,
                        Route.PROTO_KEEPALIVED, Scope.LINK, Optional.empty(), OptionalInt.empty(), Optional.empty(),
                        OptionalInt.empty()), Optional.of("eth0")),
                new VirtualRoute(Route.via(ip("::"), 0, ip("2001:db8::1")).withProtocol(Route.PROTO_KEEPALIVED),
                        Optional.empty())), r);
    }

    @Test
    void refusesWhatItCannotInstallNamingThePlace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouteMapping.routes(instance("203.0.113.0/24 via 198.51.100.1 mtu 1400", "")));
        assertEquals("virtual_routes: 'mtu' is not supported by lvsd in '203.0.113.0/24 via 198.51.100.1 mtu 1400'"
                + " (test.conf:8)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RouteMapping.routes(instance("203.0.113.0/24 via 198.51.100.1 table vips", "")));
        assertEquals("virtual_routes: table expects a number, got 'vips' (test.conf:8)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RouteMapping.routes(instance("203.0.113.0/24", "")));
        assertEquals("virtual_routes: 203.0.113.0/24 needs via or dev (test.conf:8)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RouteMapping.routes(instance("203.0.113.0/24 via 2001:db8::1", "")));
        assertEquals("virtual_routes: 2001:db8::1 is not of the family of 203.0.113.0/24 (test.conf:8)",
                e.getMessage());
    }

    @Test
    void mapsRulesWithEveryMatchAndAction() throws IOException {
        List<Rule> r = RuleMapping.rules(instance("", """
                from 198.51.100.100 table 100 priority 1000
                not from all to 203.0.113.0/24 fwmark 0x5/0xff iif eth0 oif eth1 prohibit pref 1001
                fwmark 7 lookup main
                from 2001:db8::/64 lookup 1000
                """));
        assertEquals(List.of(
                Rule.lookup(Family.INET, 100).from(ip("198.51.100.100"), 32).withPriority(1000),
                Rule.reject(Family.INET, RuleAction.PROHIBIT).to(ip("203.0.113.0"), 24).withPriority(1001)
                        .withFwmark(5, OptionalLong.of(0xff)).withIif("eth0").withOif("eth1").inverted(),
                Rule.lookup(Family.INET, Route.TABLE_MAIN).withFwmark(7, OptionalLong.empty()),
                Rule.lookup(Family.INET6, 1000).from(ip("2001:db8::"), 64)), r);
    }

    @Test
    void refusesRulesItCannotInstallNamingThePlace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuleMapping.rules(instance("", "from 198.51.100.0/24 goto 100")));
        assertEquals("virtual_rules: 'goto' is not supported by lvsd in 'from 198.51.100.0/24 goto 100'"
                + " (test.conf:11)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RuleMapping.rules(instance("", "from 198.51.100.0/24")));
        assertEquals("virtual_rules: needs exactly one of table ID or blackhole / unreachable / prohibit in"
                + " 'from 198.51.100.0/24' (test.conf:11)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RuleMapping.rules(instance("", "from 198.51.100.0/24 to 2001:db8::/64 table 5")));
        assertEquals("virtual_rules: rule to 2001:db8:0:0:0:0:0:0/64 is not IPv4 in"
                + " 'from 198.51.100.0/24 to 2001:db8::/64 table 5' (test.conf:11)", e.getMessage());
    }
}
