package org.lvsd.controller.vrrp;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

import org.lvsd.vrrp.codec.AddressFamily;

/** Looks up an interface's own addresses (rtnetlink in the daemon, a table in tests). */
public interface InterfaceAddresses {

    /**
     * The address adverts of {@code family} leave {@code iface} from: for IPv4 its first primary
     * (non-secondary) address, for IPv6 its first link-local address (RFC 5798 §5.1.2.1); empty
     * when it has none.
     *
     * @throws IOException when the interface does not exist or cannot be read
     */
    Optional<InetAddress> primary(String iface, AddressFamily family) throws IOException;
}
