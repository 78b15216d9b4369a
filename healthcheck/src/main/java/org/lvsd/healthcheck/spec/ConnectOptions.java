package org.lvsd.healthcheck.spec;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a network checker connects: {@code connect_ip} and {@code connect_port} override the
 * real server's address and port, {@code bindto} picks the source address
 * (keepalived.conf(5), checker common options).
 */
public record ConnectOptions(Optional<InetAddress> connectIp, OptionalInt connectPort,
                             Optional<InetAddress> bindTo) {

    public ConnectOptions {
        Objects.requireNonNull(connectIp, "connectIp");
        Objects.requireNonNull(connectPort, "connectPort");
        Objects.requireNonNull(bindTo, "bindTo");
        connectPort.ifPresent(p -> {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("connect_port out of range: " + p);
            }
        });
    }

    /** No overrides: connect to the real server itself from any source address. */
    public static ConnectOptions none() {
        return new ConnectOptions(Optional.empty(), OptionalInt.empty(), Optional.empty());
    }

    /** The address to probe for a real server at {@code address}:{@code port}. */
    public InetSocketAddress target(InetAddress address, int port) {
        return new InetSocketAddress(connectIp.orElse(address), connectPort.orElse(port));
    }
}
