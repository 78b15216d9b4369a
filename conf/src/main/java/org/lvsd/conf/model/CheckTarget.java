package org.lvsd.conf.model;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Where a checker connects and from where.
 *
 * @param connectIp {@code connect_ip} (default the real server's address)
 * @param connectPort {@code connect_port} (default the real server's port)
 * @param bindTo {@code bindto}
 * @param bindPort {@code bind_port}
 * @param bindIf {@code bind_if}
 * @param fwmark {@code fwmark}: SO_MARK for the probe
 */
public record CheckTarget(InetAddress connectIp, int connectPort, Optional<InetAddress> bindTo,
        Optional<Integer> bindPort, Optional<String> bindIf, Optional<Integer> fwmark) {
}
