package org.lvsd.vrrp.io;

import java.net.InetAddress;
import java.util.List;

/** Adds and removes an instance's VIPs on its interface (rtnetlink in production). */
public interface AddressManager {

    /** Adds every address not present yet. */
    void add(List<InetAddress> vips);

    /** Removes every address present. */
    void remove(List<InetAddress> vips);
}
