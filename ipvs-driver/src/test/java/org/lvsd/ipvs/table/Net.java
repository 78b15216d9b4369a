package org.lvsd.ipvs.table;

import java.net.InetAddress;
import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;

final class Net {
    static final ServiceKey WEB = ServiceKey.tcp(ip("198.51.100.100"), 80);

    private Net() {
    }

    static InetAddress ip(String text) {
        return AddressText.parse(text).orElseThrow();
    }

    static RealServer rs(String text, int port) {
        return new RealServer(ip(text), port);
    }
}
