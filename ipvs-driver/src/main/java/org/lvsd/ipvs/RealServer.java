package org.lvsd.ipvs;

import java.net.InetAddress;
import java.util.Objects;

/** Identity of a destination within its service: address and port. Printed as ipvsadm does. */
public record RealServer(InetAddress address, int port) {

    public RealServer {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The address family of the server. */
    public AddressFamily family() {
        return AddressFamily.of(address);
    }

    @Override
    public String toString() {
        return AddressText.withPort(address, port);
    }
}
