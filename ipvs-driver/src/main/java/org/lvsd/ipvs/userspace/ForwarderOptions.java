package org.lvsd.ipvs.userspace;

import java.util.Objects;

/**
 * Settings of the userspace forwarder.
 *
 * @param transparent connect to real servers from the client's address (IP_TRANSPARENT) instead
 *     of the director's; the servers' replies must route back through the director
 * @param proxyProtocol PROXY protocol header sent to the server at the start of each TCP connection
 * @param maxConnections proxied TCP connections plus UDP flows at once; each holds two (TCP) or one
 *     (UDP) file descriptors, so twice this must stay below the process's descriptor limit
 * @param bufferBytes per-direction buffer bound of a connection: reading from one side stops while
 *     more than this waits to be written to the other
 * @param connectTimeoutMillis how long a connection to a real server may take before the client is
 *     reset and the failure counted
 * @param ioThreads event-loop threads, 0 for one per core
 * @param routeInterface the interface whose frames the direct-routing path forwards to
 *     gatewaying ({@code -g}) destinations; empty: the interface of the first such destination's
 *     directly connected prefix (gatewaying is refused when there is none)
 */
public record ForwarderOptions(boolean transparent, ProxyProtocol proxyProtocol, int maxConnections,
                               int bufferBytes, int connectTimeoutMillis, int ioThreads, String routeInterface) {

    /** Full NAT, no header, 8000 connections (16,000 descriptors), 256 KiB buffers, 2 s connects, no DR. */
    public static final ForwarderOptions DEFAULT =
            new ForwarderOptions(false, ProxyProtocol.NONE, 8000, 256 * 1024, 2000, 0, "");

    public ForwarderOptions {
        Objects.requireNonNull(proxyProtocol, "proxyProtocol");
        Objects.requireNonNull(routeInterface, "routeInterface");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
        }
        if (bufferBytes < 1024) {
            throw new IllegalArgumentException("bufferBytes must be at least 1024: " + bufferBytes);
        }
        if (connectTimeoutMillis < 1) {
            throw new IllegalArgumentException("connectTimeoutMillis must be positive: " + connectTimeoutMillis);
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must not be negative: " + ioThreads);
        }
    }

    /** These options with IP_TRANSPARENT on or off. */
    public ForwarderOptions withTransparent(boolean on) {
        return new ForwarderOptions(on, proxyProtocol, maxConnections, bufferBytes, connectTimeoutMillis,
                ioThreads, routeInterface);
    }

    /** These options with another PROXY protocol header. */
    public ForwarderOptions withProxyProtocol(ProxyProtocol p) {
        return new ForwarderOptions(transparent, p, maxConnections, bufferBytes, connectTimeoutMillis,
                ioThreads, routeInterface);
    }

    /** These options with another connection limit. */
    public ForwarderOptions withMaxConnections(int max) {
        return new ForwarderOptions(transparent, proxyProtocol, max, bufferBytes, connectTimeoutMillis,
                ioThreads, routeInterface);
    }

    /** These options with another connect timeout. */
    public ForwarderOptions withConnectTimeoutMillis(int millis) {
        return new ForwarderOptions(transparent, proxyProtocol, maxConnections, bufferBytes, millis,
                ioThreads, routeInterface);
    }

    /** These options with another number of event-loop threads. */
    public ForwarderOptions withIoThreads(int threads) {
        return new ForwarderOptions(transparent, proxyProtocol, maxConnections, bufferBytes, connectTimeoutMillis,
                threads, routeInterface);
    }

    /** These options with direct routing on {@code ifname} (empty for none). */
    public ForwarderOptions withRouteInterface(String ifname) {
        return new ForwarderOptions(transparent, proxyProtocol, maxConnections, bufferBytes, connectTimeoutMillis,
                ioThreads, ifname);
    }
}
