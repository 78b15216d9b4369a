package org.lvsd.vrrp.addr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.route.Family;
import org.lvsd.netlink.route.Route;
import org.lvsd.netlink.route.Rule;
import org.lvsd.netlink.route.Scope;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.lvsd.vrrp.testlab.Netns;

/** VIPs and virtual routes through rtnetlink, in a namespace of the test's own with a veth eth0. */
class RtnlAddressManagerIT {

    private static final InetAddress VIP = ip("198.51.100.100");
    private static final InetAddress VIP_LINK = ip("198.51.100.101");
    private static final InetAddress VIP6 = ip("2001:db8::100");

    private Netns ns;
    private NetlinkSocket socket;

    @BeforeEach
    void setUp() throws IOException {
        String reason = Netns.unavailableReason();
        if (reason != null) {
            System.out.println("RtnlAddressManagerIT skipped: " + reason);
        }
        assumeTrue(reason == null, reason);
        ns = new Netns("lvsdit-addr");
        ns.veth("eth0", "peer0");
        ns.exec("ip", "addr", "add", "198.51.100.2/24", "dev", "eth0");
        socket = ns.routeSocket();
    }

    @AfterEach
    void tearDown() {
        if (socket != null) {
            socket.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void addsVipsWithLabelScopeBroadcastAndIpv6OptionsIdempotently() throws IOException {
        RtnlAddressManager m = new RtnlAddressManager(socket, "eth0", List.of(
                VipSpec.of(VIP, 24).withLabel("eth0:vip").withBroadcast(ip("198.51.100.255")),
                VipSpec.of(VIP_LINK).withScope(Scope.LINK),
                VipSpec.of(VIP6)), List.of(), List.of());
        List<InetAddress> vips = List.of(VIP, VIP_LINK, VIP6);

        m.add(vips);
        m.add(vips);

        assertEquals(List.of(
                "inet 198.51.100.101/32 scope link eth0",
                "inet 198.51.100.2/24 scope global eth0",
                "inet 198.51.100.100/24 brd 198.51.100.255 scope global secondary eth0:vip"), v4());
        assertEquals(List.of("inet6 2001:db8::100/128 scope global nodad deprecated"), v6Global());
        assertTrue(m.holds(VIP6));
        assertEquals(List.of(), m.missing());

        m.remove(vips);
        m.remove(vips);

        assertEquals(List.of("inet 198.51.100.2/24 scope global eth0"), v4());
        assertEquals(List.of(), v6Global());
        assertFalse(m.holds(VIP));
    }

    @Test
    void preferredLifetimeForeverAndDadOnRequest() throws IOException {
        RtnlAddressManager m = new RtnlAddressManager(socket, "eth0",
                List.of(VipSpec.of(VIP6).withDeprecated(false).withNodad(false)), List.of(), List.of());
        m.add(List.of(VIP6));
        // Without nodad the kernel may still show the address tentative for a moment.
        assertEquals(List.of("inet6 2001:db8::100/128 scope global"),
                v6Global().stream().map(l -> l.replace(" tentative", "")).toList());
    }

    @Test
    void excludedVipsAreInstalledWithTheAdvertisedOnes() throws IOException {
        RtnlAddressManager m = new RtnlAddressManager(socket, "eth0",
                List.of(VipSpec.of(VIP_LINK).asExcluded()), List.of(), List.of());
        m.add(List.of(VIP));
        assertEquals(List.of("inet 198.51.100.2/24 scope global eth0", "inet 198.51.100.100/32 scope global eth0",
                "inet 198.51.100.101/32 scope global eth0"), v4());
        m.remove(List.of(VIP));
        assertEquals(List.of("inet 198.51.100.2/24 scope global eth0"), v4());
    }

    @Test
    void vipOnAnotherDeviceAndUnknownDeviceIsLoggedNotThrown() throws IOException {
        ns.veth("eth1", "peer1");
        RtnlAddressManager m = new RtnlAddressManager(socket, "eth0",
                List.of(VipSpec.of(VIP).withDevice("eth1"), VipSpec.of(VIP_LINK).withDevice("nope0")), List.of(), List.of());
        m.add(List.of(VIP, VIP_LINK));
        assertEquals(List.of("inet 198.51.100.100/32 scope global eth1"), addrs("-4", "eth1"));
        assertTrue(m.holds(VIP));
        assertFalse(m.holds(VIP_LINK));
    }

    @Test
    void removesStaleVipsLeftByACrashedRun() throws IOException {
        ns.exec("ip", "addr", "add", "198.51.100.100/32", "dev", "eth0");
        RtnlAddressManager m = new RtnlAddressManager(socket, "eth0",
                List.of(VipSpec.of(VIP), VipSpec.of(VIP_LINK)), List.of(), List.of());

        assertEquals(List.of(VIP), m.removeStale());
        assertEquals(List.of("inet 198.51.100.2/24 scope global eth0"), v4());
        assertEquals(List.of(), m.removeStale());
    }

    @Test
    void addsAndRemovesVirtualRoutesIdempotently() throws IOException {
        VirtualRoute via = new VirtualRoute(Route.via(ip("198.51.100.128"), 25, ip("198.51.100.1")), Optional.of("eth0"));
        VirtualRoute hole = new VirtualRoute(Route.reject(org.lvsd.netlink.route.RouteType.BLACKHOLE,
                ip("198.51.100.64"), 26), Optional.empty());
        RtnlAddressManager m = new RtnlAddressManager(socket, "eth0", List.of(), List.of(via, hole), List.of());

        m.add(List.of(VIP));
        m.add(List.of(VIP));
        assertEquals(List.of("198.51.100.128/25 via 198.51.100.1 dev eth0", "blackhole 198.51.100.64/26"),
                extraRoutes());

        m.remove(List.of(VIP));
        m.remove(List.of(VIP));
        assertEquals(List.of(), extraRoutes());
    }

    @Test
    void staleRoutesAreRemovedAtStart() throws IOException {
        ns.exec("ip", "route", "add", "198.51.100.128/25", "via", "198.51.100.1", "dev", "eth0");
        VirtualRoute via = new VirtualRoute(Route.via(ip("198.51.100.128"), 25, ip("198.51.100.1")), Optional.of("eth0"));
        new RtnlAddressManager(socket, "eth0", List.of(), List.of(via), List.of()).removeStale();
        assertEquals(List.of(), extraRoutes());
    }

    @Test
    void addsVirtualRulesAfterRoutesAndRemovesThemIdempotentlyAndWhenStale() throws IOException {
        Rule rule = Rule.lookup(Family.INET, 100).from(ip("198.51.100.100"), 32).withPriority(1000);
        VirtualRoute route = new VirtualRoute(Route.via(ip("0.0.0.0"), 0, ip("198.51.100.1")).withTable(100),
                Optional.of("eth0"));
        RtnlAddressManager m = new RtnlAddressManager(socket, "eth0", List.of(VipSpec.of(VIP)), List.of(route),
                List.of(rule));

        m.add(List.of(VIP));
        m.add(List.of(VIP));
        assertEquals(List.of("1000: from 198.51.100.100 lookup 100"), extraRules());
        assertEquals(List.of("default via 198.51.100.1 dev eth0"), ns.exec("ip", "route", "show", "table", "100")
                .stream().map(String::trim).toList());

        m.remove(List.of(VIP));
        m.remove(List.of(VIP));
        assertEquals(List.of(), extraRules());

        ns.exec("ip", "rule", "add", "from", "198.51.100.100", "lookup", "100", "pref", "1000");
        m.removeStale();
        assertEquals(List.of(), extraRules());
    }

    private List<String> v4() throws IOException {
        return addrs("-4", "eth0");
    }

    private List<String> v6Global() throws IOException {
        return addrs("-6", "eth0").stream().filter(l -> !l.contains("scope link")).toList();
    }

    /** "inet ADDR/LEN ... LABEL" of {@code ip -o addr show}, without the index, name and lifetimes. */
    private List<String> addrs(String family, String dev) throws IOException {
        return ns.exec("ip", "-o", family, "addr", "show", "dev", dev).stream()
                .map(l -> l.replaceFirst("^\\d+: \\S+\\s+", "").replaceFirst("\\\\.*$", "").trim()
                        .replaceAll("\\s+", " "))
                .toList();
    }

    /** The rules besides the kernel's three defaults, tabs as spaces. */
    private List<String> extraRules() throws IOException {
        return ns.exec("ip", "rule", "show").stream().map(l -> l.replace('\t', ' ').trim())
                .filter(l -> !l.startsWith("0:") && !l.startsWith("32766:") && !l.startsWith("32767:")).toList();
    }

    /** The routes ip(8) installed ({@code proto boot}): the kernel's prefix routes left out. */
    private List<String> extraRoutes() throws IOException {
        return ns.exec("ip", "route", "show", "proto", "boot").stream().map(String::trim).sorted().toList();
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }
}
