package org.lvsd.conf.model;

/**
 * A host (name or address literal) and a port.
 *
 * @param host the host as written
 * @param port the port
 */
public record HostPort(String host, int port) {

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
