package org.lvsd.healthcheck.spec;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a network checker connects and from where (keepalived.conf(5), checker common options):
 * {@code connect_ip} and {@code connect_port} override the real server's address and port,
 * {@code bindto} picks the source address, {@code bind_port} the source port,
 * {@code bind_if} the interface the probe socket is bound to (SO_BINDTODEVICE, socket(7)) and
 * {@code fwmark} the mark its packets carry (SO_MARK, socket(7)).
 */
public record ConnectOptions(Optional<InetAddress> connectIp, OptionalInt connectPort,
                             Optional<InetAddress> bindTo, OptionalInt bindPort,
                             Optional<String> bindInterface, OptionalInt fwmark) {

    /** IFNAMSIZ (linux/if.h) less the terminating NUL. */
    public static final int MAX_INTERFACE_NAME = 15;

    public ConnectOptions {
        Objects.requireNonNull(connectIp, "connectIp");
        Objects.requireNonNull(connectPort, "connectPort");
        Objects.requireNonNull(bindTo, "bindTo");
        Objects.requireNonNull(bindPort, "bindPort");
        Objects.requireNonNull(bindInterface, "bindInterface");
        Objects.requireNonNull(fwmark, "fwmark");
        connectPort.ifPresent(p -> {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("connect_port out of range: " + p);
            }
        });
        bindPort.ifPresent(p -> {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("bind_port out of range: " + p);
            }
        });
        bindInterface.ifPresent(name -> {
            if (name.isEmpty() || name.length() > MAX_INTERFACE_NAME || name.contains("/")
                    || name.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
                throw new IllegalArgumentException("bind_if is not an interface name: " + name);
            }
        });
        fwmark.ifPresent(m -> {
            if (m < 0) {
                throw new IllegalArgumentException("fwmark out of range: " + m);
            }
        });
    }

    /** Target overrides and source address only (no bind_port, bind_if or fwmark). */
    public ConnectOptions(Optional<InetAddress> connectIp, OptionalInt connectPort,
                          Optional<InetAddress> bindTo) {
        this(connectIp, connectPort, bindTo, OptionalInt.empty(), Optional.empty(),
                OptionalInt.empty());
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
