package org.lvsd.netlink.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.socket.NetnsLab;
import org.lvsd.netlink.socket.NetworkNamespace;

/**
 * rtnetlink against the real kernel, inside a namespace of the test's own with a veth pair
 * (nl0, nl1; this kernel has no dummy driver).
 */
class RtNetlinkIT {
    private static final String IF = "nl0";
    private static final String PEER = "nl1";
    private static final HardwareAddress MAC = HardwareAddress.parse("02:51:00:00:00:02");
    private NetnsLab lab;
    private RtNetlink rt;
    private int ifindex;

    @BeforeEach
    void setUp() throws Exception {
        lab = NetnsLab.create();
        try {
            lab.ipIn("link", "add", IF, "address", MAC.toString(), "mtu", "1400", "type", "veth", "peer", "name", PEER);
            lab.ipIn("link", "set", PEER, "up");
            lab.ipIn("link", "set", IF, "up");
            rt = NetworkNamespace.call(lab.file(), RtNetlink::open);
            ifindex = rt.link(IF).orElseThrow().ifindex();
        } catch (Exception | Error e) {
            tearDown();
            throw e;
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (rt != null) {
                rt.close();
            }
        } finally {
            if (lab != null) {
                lab.close();
                lab = null;
            }
        }
    }

    @Test
    void readsLinkStateMacMtuAndKind() throws Exception {
        Link l = rt.link(IF).orElseThrow();
        assertEquals(IF, l.name());
        assertEquals(Optional.of(MAC), l.address());
        assertEquals(1400, l.mtu());
        assertEquals(Optional.of("veth"), l.kind());
        assertTrue(l.isUp());
        assertTrue(l.isRunning());
        assertTrue(l.isLowerUp());
        assertEquals(OperState.UP, l.operState());
        assertEquals(Optional.of(l), rt.link(l.ifindex()));
        assertEquals(List.of("lo", IF, PEER), rt.links().stream().map(Link::name).sorted().toList());
        assertEquals(Optional.empty(), rt.link("nosuch0"));
    }

    @Test
    void addsListsRejectsDuplicateAndDeletesVip() throws Exception {
        InetAddress vip = InetAddress.getByName("198.51.100.100");
        AddressSpec spec = AddressSpec.of(ifindex, vip, 24).withLabel(IF + ":vip");
        rt.addAddress(spec);
        List<IfAddress> v4 = rt.addresses(ifindex, Family.INET);
        assertEquals(1, v4.size());
        IfAddress a = v4.get(0);
        assertEquals(vip, a.address());
        assertEquals(24, a.prefixLength());
        assertEquals(Optional.of(IF + ":vip"), a.label());
        assertEquals(Scope.UNIVERSE, a.scope());
        assertEquals(IfAddress.FOREVER, a.preferredLifetime());
        assertTrue((a.flags() & IfAddress.F_PERMANENT) != 0);
        assertTrue(lab.ipIn("-4", "addr", "show", "dev", IF).contains("198.51.100.100/24 scope global " + IF + ":vip"));

        NetlinkException dup = assertThrows(NetlinkException.class, () -> rt.addAddress(spec));
        assertTrue(dup.is(Errno.EEXIST));
        assertTrue(dup.getMessage().startsWith("add address 198.51.100.100/24 label nl0:vip on ifindex " + ifindex
                + ": EEXIST (File exists)"), dup.getMessage());

        rt.deleteAddress(spec);
        assertEquals(List.of(), rt.addresses(ifindex, Family.INET));
        NetlinkException gone = assertThrows(NetlinkException.class, () -> rt.deleteAddress(spec));
        assertTrue(gone.is(Errno.EADDRNOTAVAIL), gone.getMessage());
    }

    @Test
    void addsAndDeletesRouteViaGateway() throws Exception {
        rt.addAddress(AddressSpec.of(ifindex, InetAddress.getByName("198.51.100.2"), 24));
        Route r = Route.via(InetAddress.getByName("198.51.100.128"), 25, InetAddress.getByName("198.51.100.1"));
        rt.addRoute(r);
        Route got = findRoute(r);
        assertEquals(Optional.of(InetAddress.getByName("198.51.100.1")), got.gateway());
        assertEquals(ifindex, got.oif().getAsInt());
        assertEquals(Route.PROTO_BOOT, got.protocol());
        assertEquals(RouteType.UNICAST, got.type());
        assertTrue(lab.ipIn("route", "show", "proto", "boot").contains("198.51.100.128/25 via 198.51.100.1 dev nl0"));
        assertTrue(assertThrows(NetlinkException.class, () -> rt.addRoute(r)).is(Errno.EEXIST));
        rt.deleteRoute(r);
        assertTrue(rt.routes(Family.INET).stream().noneMatch(x -> x.destination().equals(r.destination())));
        assertTrue(assertThrows(NetlinkException.class, () -> rt.deleteRoute(r)).is(Errno.ESRCH));
    }

    @Test
    void gatewayOffLinkFailsWithKernelExtendedAck() throws Exception {
        // no address on nl0, so 198.51.100.1 is not a reachable next hop
        Route r = Route.via(InetAddress.getByName("198.51.100.128"), 25, InetAddress.getByName("198.51.100.1"));
        NetlinkException e = assertThrows(NetlinkException.class, () -> rt.addRoute(r));
        assertTrue(e.is(Errno.ENETUNREACH), e.getMessage());
        assertEquals(Optional.of("Nexthop has invalid gateway"), e.extAck());
    }

    @Test
    void addsListsAndDeletesIpv6VipWithoutDad() throws Exception {
        InetAddress vip = InetAddress.getByName("2001:db8::100");
        AddressSpec spec = AddressSpec.of(ifindex, vip, 64).withFlags(IfAddress.F_NODAD);
        rt.addAddress(spec);
        IfAddress a = rt.addresses(ifindex, Family.INET6).stream().filter(x -> x.address().equals(vip))
                .findFirst().orElseThrow();
        assertEquals(64, a.prefixLength());
        assertTrue((a.flags() & IfAddress.F_NODAD) != 0);
        assertTrue((a.flags() & IfAddress.F_TENTATIVE) == 0);
        rt.deleteAddress(spec);
        assertTrue(rt.addresses(ifindex, Family.INET6).stream().noneMatch(x -> x.address().equals(vip)));
    }

    @Test
    void addsBlackholeRouteInOwnTable() throws Exception {
        Route r = Route.reject(RouteType.BLACKHOLE, InetAddress.getByName("198.51.100.64"), 26).withTable(1000);
        rt.addRoute(r);
        Route got = findRoute(r);
        assertEquals(RouteType.BLACKHOLE, got.type());
        assertEquals(1000, got.table());
        rt.deleteRoute(r);
        assertFalse(rt.routes(Family.INET).stream().anyMatch(x -> x.table() == 1000));
    }

    @Test
    void addsListsAndDeletesPolicyRules() throws Exception {
        Rule lookup = Rule.lookup(Family.INET, 100).from(InetAddress.getByName("198.51.100.0"), 24)
                .withFwmark(5, java.util.OptionalLong.of(0xff)).withIif(IF).withPriority(1000);
        Rule prohibit = Rule.reject(Family.INET6, RuleAction.PROHIBIT).to(InetAddress.getByName("2001:db8:1::"), 48)
                .withPriority(1001);
        rt.addRule(lookup);
        rt.addRule(prohibit);
        assertTrue(lab.ipIn("rule", "show").contains("1000:\tfrom 198.51.100.0/24 fwmark 0x5/0xff iif nl0 lookup 100"),
                lab.ipIn("rule", "show"));
        assertTrue(lab.ipIn("-6", "rule", "show").contains("1001:\tfrom all to 2001:db8:1::/48 prohibit"),
                lab.ipIn("-6", "rule", "show"));
        assertTrue(rt.rules(Family.INET).contains(lookup), rt.rules(Family.INET).toString());
        assertTrue(assertThrows(NetlinkException.class, () -> rt.addRule(lookup)).is(Errno.EEXIST));
        rt.deleteRule(lookup);
        rt.deleteRule(prohibit);
        assertFalse(lab.ipIn("rule", "show").contains("lookup 100"));
        assertFalse(lab.ipIn("-6", "rule", "show").contains("prohibit"));
        assertTrue(assertThrows(NetlinkException.class, () -> rt.deleteRule(lookup)).is(Errno.ENOENT));
    }

    @Test
    void readsNeighbourEntryAddedWithIp() throws Exception {
        InetAddress rs = InetAddress.getByName("198.51.100.21");
        assertEquals(Optional.empty(), rt.neighbour(rs, ifindex));
        lab.ipIn("neigh", "add", "198.51.100.21", "lladdr", "02:51:00:00:00:15", "dev", IF, "nud", "permanent");
        Neighbour n = rt.neighbour(rs, ifindex).orElseThrow();
        assertEquals(rs, n.address());
        assertEquals(ifindex, n.ifindex());
        assertEquals(Optional.of(HardwareAddress.parse("02:51:00:00:00:15")), n.lladdr());
        assertEquals(Neighbour.NUD_PERMANENT, n.state());
        assertTrue(n.isResolved());
    }

    @Test
    void watcherSeesAddressChangesLinkDownAndRemoval() throws Exception {
        try (RtnlWatcher w = NetworkNamespace.call(lab.file(),
                () -> RtnlWatcher.open(RtmType.GROUP_LINK, RtmType.GROUP_IPV4_IFADDR))) {
            lab.ipIn("addr", "add", "198.51.100.7/24", "dev", IF);
            AddressEvent added = (AddressEvent) awaitEvent(w, e -> e instanceof AddressEvent);
            assertFalse(added.removed());
            assertEquals("198.51.100.7/24", added.address().cidr());
            lab.ipIn("addr", "del", "198.51.100.7/24", "dev", IF);
            AddressEvent removed = (AddressEvent) awaitEvent(w, e -> e instanceof AddressEvent);
            assertTrue(removed.removed());
            assertEquals(ifindex, removed.address().ifindex());

            lab.ipIn("link", "set", IF, "down");
            LinkEvent down = (LinkEvent) awaitEvent(w, e -> e instanceof LinkEvent l && l.link().ifindex() == ifindex);
            assertFalse(down.removed());
            assertEquals(IF, down.link().name());
            assertFalse(down.link().isUp());
            lab.ipIn("link", "del", IF);
            LinkEvent del = (LinkEvent) awaitEvent(w,
                    e -> e instanceof LinkEvent l && l.removed() && l.link().ifindex() == ifindex);
            assertEquals(IF, del.link().name());
        }
    }

    /** The first matching event, polling at most 5 times for 1 s each. */
    private static RtnlEvent awaitEvent(RtnlWatcher w, Predicate<RtnlEvent> wanted) throws NetlinkException {
        for (int i = 0; i < 5; i++) {
            Optional<RtnlEvent> e = w.poll(Duration.ofSeconds(1)).stream().filter(wanted).findFirst();
            if (e.isPresent()) {
                return e.get();
            }
        }
        throw new AssertionError("no matching event within 5 s");
    }

    private Route findRoute(Route r) throws NetlinkException {
        return rt.routes(Family.INET).stream()
                .filter(x -> x.destination().equals(r.destination()) && x.dstLength() == r.dstLength())
                .findFirst().orElseThrow(() -> new AssertionError("route not listed: " + r.describe()));
    }
}
