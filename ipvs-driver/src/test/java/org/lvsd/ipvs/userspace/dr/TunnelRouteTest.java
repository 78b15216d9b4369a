package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.route.IfAddress;
import org.lvsd.netlink.route.Route;
import org.lvsd.netlink.route.RouteType;
import org.lvsd.netlink.route.Scope;

class TunnelRouteTest {
    private static final int ETH0 = 2;
    private static final int ETH1 = 3;

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private static Route route(String dst, int len, String gateway, int oif, String prefSrc, int metric)
            throws Exception {
        return new Route(ip(dst), len, RouteType.UNICAST, Route.TABLE_MAIN, Route.PROTO_BOOT, Scope.UNIVERSE,
                gateway == null ? Optional.empty() : Optional.of(ip(gateway)), OptionalInt.of(oif),
                prefSrc == null ? Optional.empty() : Optional.of(ip(prefSrc)), OptionalInt.of(metric));
    }

    private static IfAddress address(int ifindex, String a, int len) throws Exception {
        return address(ifindex, a, len, 0);
    }

    private static IfAddress address(int ifindex, String a, int len, int flags) throws Exception {
        return new IfAddress(ifindex, ip(a), len, 0, flags, Optional.empty(), Optional.empty(), Optional.empty(),
                IfAddress.FOREVER, IfAddress.FOREVER);
    }

    private static List<Route> routes() throws Exception {
        return List.of(
                route("198.51.100.0", 24, null, ETH0, "198.51.100.2", 0),
                route("0.0.0.0", 0, "198.51.100.1", ETH0, null, 100),
                route("0.0.0.0", 0, "198.51.100.254", ETH0, null, 50),
                route("203.0.113.0", 24, null, ETH1, "203.0.113.2", 0),
                new Route(ip("198.51.100.2"), 32, RouteType.LOCAL, Route.TABLE_LOCAL, Route.PROTO_KERNEL,
                        Scope.HOST, Optional.empty(), OptionalInt.of(ETH0), Optional.of(ip("198.51.100.2")),
                        OptionalInt.empty()));
    }

    private static List<IfAddress> addresses() throws Exception {
        return List.of(address(ETH0, "198.51.100.100", 32), address(ETH0, "198.51.100.2", 24),
                address(ETH1, "203.0.113.2", 24));
    }

    @Test
    void anOnLinkServerIsItsOwnNextHopFromTheRoutesPreferredSource() throws Exception {
        assertEquals(Optional.of(new TunnelRoute(ip("198.51.100.21"), ip("198.51.100.2"))),
                TunnelRoute.find(routes(), addresses(), ETH0, (Inet4Address) ip("198.51.100.21")));
    }

    @Test
    void aRemoteServerGoesThroughTheLowestMetricGatewayFromTheAddressOnItsSubnet() throws Exception {
        assertEquals(Optional.of(new TunnelRoute(ip("198.51.100.254"), ip("198.51.100.2"))),
                TunnelRoute.find(routes(), addresses(), ETH0, (Inet4Address) ip("192.0.2.7")));
    }

    @Test
    void noRouteOutOfTheInterfaceIsEmpty() throws Exception {
        assertEquals(Optional.empty(),
                TunnelRoute.find(routes(), addresses(), ETH1, (Inet4Address) ip("192.0.2.7")));
    }

    @Test
    void anIpv6ServerTakesAnIpv6RouteAndAnAddressTheKernelWouldChooseAsSource() throws Exception {
        List<Route> routes = List.of(
                route("0.0.0.0", 0, "198.51.100.1", ETH0, null, 0),
                route("2001:db8::", 64, null, ETH0, null, 256),
                route("fe80::", 64, null, ETH0, null, 256),
                route("::", 0, "2001:db8::1", ETH0, null, 1024));
        List<IfAddress> addresses = List.of(
                address(ETH0, "198.51.100.2", 24),
                address(ETH0, "2001:db8::100", 128, 0),
                address(ETH0, "2001:db8::5", 64, IfAddress.F_DEPRECATED),
                address(ETH0, "2001:db8::7", 64, IfAddress.F_TENTATIVE),
                address(ETH0, "fe80::51ff:fe00:2", 64),
                address(ETH0, "2001:db8::2", 64, IfAddress.F_PERMANENT | IfAddress.F_NODAD));
        assertEquals(Optional.of(new TunnelRoute(ip("2001:db8::21"), ip("2001:db8::2"))),
                TunnelRoute.find(routes, addresses, ETH0, ip("2001:db8::21")));
        assertEquals(Optional.of(new TunnelRoute(ip("2001:db8::1"), ip("2001:db8::2"))),
                TunnelRoute.find(routes, addresses, ETH0, ip("2001:db8:1::7")));
        assertEquals(Optional.empty(), TunnelRoute.find(routes, addresses.subList(0, 5), ETH0, ip("2001:db8::21")));
    }

    @Test
    void prefixMatchingHonoursTheLength() throws Exception {
        assertEquals(true, Prefixes.contains(ip("10.1.0.0"), 16, ip("10.1.255.9")));
        assertEquals(false, Prefixes.contains(ip("10.1.0.0"), 16, ip("10.2.0.1")));
        assertEquals(true, Prefixes.contains(ip("0.0.0.0"), 0, ip("192.0.2.1")));
        assertEquals(false, Prefixes.contains(ip("192.0.2.1"), 32, ip("192.0.2.2")));
    }
}
