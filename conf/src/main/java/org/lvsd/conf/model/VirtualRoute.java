package org.lvsd.conf.model;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * One {@code virtual_routes} entry in {@code ip route} syntax, with the common parts parsed
 * and every word kept.
 *
 * @param type route type (default unicast)
 * @param dst destination ({@code to} optional)
 * @param src {@code src}
 * @param via {@code via} or {@code gw}
 * @param dev {@code dev}
 * @param table {@code table}
 * @param metric {@code metric} or {@code priority}
 * @param noTrack {@code no_track}
 * @param words the entry as written
 * @param where origin
 */
public record VirtualRoute(RouteType type, Optional<IpPrefix> dst, Optional<InetAddress> src,
        Optional<InetAddress> via, Optional<String> dev, Optional<String> table, Optional<Long> metric,
        boolean noTrack, List<String> words, Where where) {

    public VirtualRoute {
        words = List.copyOf(words);
    }
}
