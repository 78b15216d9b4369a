package org.lvsd.vrrp.addr;

import java.util.Objects;
import java.util.Optional;
import org.lvsd.netlink.route.Route;

/**
 * One keepalived.conf(5) {@code virtual_routes} entry: a route installed while MASTER.
 *
 * @param route  the route; its output interface is replaced by {@code device}'s index when set
 * @param device {@code dev IF}, resolved to an interface index each time the route is installed
 */
public record VirtualRoute(Route route, Optional<String> device) {

    public VirtualRoute {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(device, "device");
    }

    /** "198.51.100.128/25 via 198.51.100.1 table 254 dev eth0", for messages. */
    public String describe() {
        return route.describe() + device.map(d -> " dev " + d).orElse("");
    }
}
