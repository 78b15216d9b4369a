package org.lvsd.healthcheck.icmp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The wildcard addresses a ping socket binds to. */
final class Addresses {

    static final InetAddress ANY4 = of(new byte[4]);
    static final InetAddress ANY6 = of(new byte[16]);

    private Addresses() {
    }

    private static InetAddress of(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
