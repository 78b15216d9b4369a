package org.lvsd.conf.model;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One {@code unicast_peer} entry: {@code IP [min_ttl N] [max_ttl N]}.
 *
 * @param address the peer
 * @param minTtl lowest accepted TTL
 * @param maxTtl highest accepted TTL
 * @param where origin
 */
public record UnicastPeer(InetAddress address, Optional<Integer> minTtl, Optional<Integer> maxTtl, Where where) {
}
