package org.lvsd.ipvs.userspace.dr;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lvsd.netlink.route.IfAddress;
import org.lvsd.netlink.route.Route;
import org.lvsd.netlink.route.RouteType;

/**
 * Where a tunnelled packet toward a real server goes on the route interface: the next hop whose
 * MAC the frame is addressed to (the route's gateway, or the server itself on a direct route) and
 * the director's source address for the outer header (the route's preferred source, else the
 * interface's address on the next hop's subnet), chosen the way the kernel's route lookup would:
 * the longest matching unicast prefix of the main table out of that interface, then the lowest
 * metric. The server's family decides the family of the routes and addresses (IPv4 for IP in IP,
 * IPv6 for IPv6 in IPv6); an IPv6 source is one the kernel would choose (RFC 6724 section 5 rule
 * 3): neither deprecated nor tentative. A host route's address (/32, /128: a VIP) is never the
 * source. Pure: decides from a route and address dump.
 *
 * @param nextHop the address whose link-layer address the frame carries
 * @param source the outer header's source address
 */
public record TunnelRoute(InetAddress nextHop, InetAddress source) {

    /** The route to {@code server} out of {@code ifindex}; empty when none leaves through it. */
    public static Optional<TunnelRoute> find(List<Route> routes, List<IfAddress> addresses, int ifindex,
                                             InetAddress server) {
        int width = server.getAddress().length * 8;
        Optional<Route> best = routes.stream()
                .filter(r -> r.table() == Route.TABLE_MAIN && r.type() == RouteType.UNICAST)
                .filter(r -> sameFamily(r.destination(), server))
                .filter(r -> r.oif().isPresent() && r.oif().getAsInt() == ifindex)
                .filter(r -> Prefixes.contains(r.destination(), r.dstLength(), server))
                .max(Comparator.<Route>comparingInt(Route::dstLength)
                        .thenComparing(r -> -r.priority().orElse(0)));
        if (best.isEmpty()) {
            return Optional.empty();
        }
        InetAddress nextHop = best.get().gateway().orElse(server);
        Optional<InetAddress> source = best.get().prefSrc()
                .or(() -> addresses.stream()
                        .filter(a -> a.ifindex() == ifindex && sameFamily(a.address(), server))
                        .filter(a -> (a.flags() & (IfAddress.F_DEPRECATED | IfAddress.F_TENTATIVE)) == 0)
                        .filter(a -> a.prefixLength() < width && Prefixes.contains(a.address(), a.prefixLength(), nextHop))
                        .map(IfAddress::address).findFirst());
        return source.map(s -> new TunnelRoute(nextHop, s));
    }

    private static boolean sameFamily(InetAddress a, InetAddress b) {
        return (a instanceof Inet4Address) == (b instanceof Inet4Address);
    }
}
