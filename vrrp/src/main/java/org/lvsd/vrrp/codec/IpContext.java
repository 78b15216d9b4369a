package org.lvsd.vrrp.codec;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What the IP layer says about one VRRP message: source, destination and TTL (IPv4) or hop
 * limit (IPv6). The addresses feed the RFC 5798 §5.2.8 pseudo-header; the TTL feeds the
 * RFC 5798 §7.1 receive check.
 */
public record IpContext(InetAddress source, InetAddress destination, int ttl) {

    public IpContext {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (AddressFamily.of(source) != AddressFamily.of(destination)) {
            throw new IllegalArgumentException("source and destination families differ: "
                    + source.getHostAddress() + " -> " + destination.getHostAddress());
        }
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("ttl out of range: " + ttl);
        }
    }

    public AddressFamily family() {
        return AddressFamily.of(source);
    }

    /** The multicast destination of RFC 5798 §5.1.1.2 / §5.1.2.2 or the unicast peer. */
    public boolean multicast() {
        return destination.isMulticastAddress();
    }
}
