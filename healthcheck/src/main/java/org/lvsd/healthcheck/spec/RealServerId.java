package org.lvsd.healthcheck.spec;

import java.net.InetAddress;
import java.util.Objects;

/** A real server's identity within a pool: address and port (0 for fwmark services). */
public record RealServerId(InetAddress address, int port) {

    public RealServerId {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    @Override
    public String toString() {
        String host = address.getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
