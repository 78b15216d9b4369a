package org.lvsd.controller.vrrp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.lvsd.conf.model.IpAddresses;
import org.lvsd.conf.model.IpPrefix;
import org.lvsd.conf.model.VirtualRoute;
import org.lvsd.conf.model.VrrpInstance;
import org.lvsd.netlink.route.Route;
import org.lvsd.netlink.route.RouteType;
import org.lvsd.netlink.route.Scope;

/**
 * {@code virtual_routes} entries (keepalived.conf(5), {@code ip route} syntax) to the engine's
 * routes, installed while MASTER with protocol {@code keepalived} (18) as keepalived does. Mapped:
 * the type ({@code unicast}, {@code blackhole}, {@code unreachable}, {@code prohibit}), the
 * destination ({@code to} optional, {@code default}), {@code src}, {@code via} / {@code gw},
 * {@code dev} / {@code oif}, {@code table}, {@code metric} / {@code priority} / {@code preference}.
 * {@code no_track} is accepted; lvsd does not track a route's interface either way. Any other
 * word ({@code mtu}, {@code nexthop}, {@code onlink}, ...) is refused with the entry's place.
 */
public final class RouteMapping {

    private static final Set<String> TYPES = Set.of("unicast", "blackhole", "unreachable", "prohibit");
    private static final Set<String> WITH_VALUE = Set.of("to", "src", "via", "gw", "dev", "oif", "table", "metric",
            "priority", "preference");

    private RouteMapping() {
    }

    /** The instance's virtual routes; an entry lvsd cannot install is an IllegalArgumentException. */
    public static List<org.lvsd.vrrp.addr.VirtualRoute> routes(VrrpInstance vi) {
        return vi.virtualRoutes().stream().map(RouteMapping::route).toList();
    }

    static org.lvsd.vrrp.addr.VirtualRoute route(VirtualRoute r) {
        checkWords(r);
        IpPrefix dst = r.dst().orElseThrow();
        if (dst.length() == 0 && r.words().contains("default")
                && (r.via().orElse(r.src().orElse(dst.address())) instanceof Inet6Address)) {
            dst = IpPrefix.parse("::/0").orElseThrow();
        }
        InetAddress destination = dst.address();
        for (Optional<InetAddress> a : List.of(r.via(), r.src())) {
            if (a.isPresent() && a.get().getClass() != destination.getClass()) {
                throw new IllegalArgumentException("virtual_routes: " + IpAddresses.format(a.get())
                        + " is not of the family of " + dst + " (" + r.where() + ")");
            }
        }
        RouteType type = switch (r.type()) {
            case UNICAST -> RouteType.UNICAST;
            case BLACKHOLE -> RouteType.BLACKHOLE;
            case UNREACHABLE -> RouteType.UNREACHABLE;
            case PROHIBIT -> RouteType.PROHIBIT;
        };
        if (type == RouteType.UNICAST && r.via().isEmpty() && r.dev().isEmpty()) {
            throw new IllegalArgumentException("virtual_routes: " + String.join(" ", r.words())
                    + " needs via or dev (" + r.where() + ")");
        }
        int table = r.table().map(t -> RouteTables.id(t, "virtual_routes", r.where())).orElse(Route.TABLE_MAIN);
        OptionalInt metric = OptionalInt.empty();
        if (r.metric().isPresent()) {
            long m = r.metric().get();
            if (m > 0xffff_ffffL) {
                throw new IllegalArgumentException("virtual_routes: metric " + m + " out of range (" + r.where() + ")");
            }
            metric = OptionalInt.of((int) m);
        }
        // ip(8): a unicast route without gateway is link scope, every other one universe.
        int scope = type == RouteType.UNICAST && r.via().isEmpty() ? Scope.LINK : Scope.UNIVERSE;
        Route route = new Route(destination, dst.length(), type, table, Route.PROTO_KEEPALIVED, scope, r.via(),
                OptionalInt.empty(), r.src(), metric);
        return new org.lvsd.vrrp.addr.VirtualRoute(route, r.dev());
    }

    private static void checkWords(VirtualRoute r) {
        List<String> w = r.words();
        for (int i = 0; i < w.size(); i++) {
            String k = w.get(i);
            if (WITH_VALUE.contains(k)) {
                i++;
            } else if (!(i == 0 && TYPES.contains(k)) && !k.equals("no_track") && !k.equals("default")
                    && IpPrefix.parse(k).isEmpty()) {
                throw new IllegalArgumentException("virtual_routes: '" + k + "' is not supported by lvsd in '"
                        + String.join(" ", w) + "' (" + r.where() + ")");
            }
        }
    }
}
