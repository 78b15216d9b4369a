package org.lvsd.controller.metrics;

import java.util.List;
import java.util.Objects;

/**
 * One virtual server's pool at scrape time.
 *
 * @param virtualServer the {@code virtual_server} label: {@code ip:port}, {@code [ipv6]:port} or
 *                      {@code fwm:N} (see {@link VirtualServerLabel})
 * @param protocol      the {@code protocol} label: {@code tcp}, {@code udp}, {@code sctp}, or empty
 *                      for firewall-mark services
 * @param quorumUp      whether the alive weight meets the quorum
 * @param realServers   every real server of the pool
 */
public record PoolSnapshot(String virtualServer, String protocol, boolean quorumUp,
                           List<RealServerSnapshot> realServers) {

    public PoolSnapshot {
        Objects.requireNonNull(virtualServer, "virtualServer");
        Objects.requireNonNull(protocol, "protocol");
        realServers = List.copyOf(realServers);
    }

    /** Real servers that are up. */
    public long aliveRealServers() {
        return realServers.stream().filter(RealServerSnapshot::up).count();
    }
}
