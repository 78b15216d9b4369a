package org.lvsd.conf.model;

import java.util.Optional;

/** Parses {@code ADDR:PORT} and {@code [IPV6]:PORT}. */
final class HostPorts {

    private HostPorts() {
    }

    static Optional<HostPort> parse(Stmt s, Diags d) {
        String w = s.arg(0);
        String host;
        String port;
        if (w.startsWith("[") && w.contains("]:")) {
            host = w.substring(1, w.indexOf("]:"));
            port = w.substring(w.indexOf("]:") + 2);
        } else if (w.indexOf(':') > 0 && w.indexOf(':') == w.lastIndexOf(':')) {
            host = w.substring(0, w.indexOf(':'));
            port = w.substring(w.indexOf(':') + 1);
        } else {
            host = "";
            port = "";
        }
        Optional<Long> p = Values.parseLong(port);
        if (IpAddresses.parse(host).isEmpty() || p.isEmpty() || p.get() < 1 || p.get() > 65535) {
            d.error(s.where(), s.keyword() + " expects ADDR:PORT, got '" + w + "'");
            return Optional.empty();
        }
        return Optional.of(new HostPort(host, p.get().intValue()));
    }
}
