package org.lvsd.healthcheck.spec;

import java.util.Objects;

/**
 * PING_CHECK: up when an ICMP echo reply to the real server (or {@code connect_ip}) arrives
 * within {@code connect_timeout}. {@code connect_port} has no meaning for ICMP; {@code bindto},
 * {@code bind_if}, {@code fwmark} and {@code bind_port} are refused, because every probe of a
 * family shares one socket.
 */
public record PingCheckSpec(CheckTiming timing, ConnectOptions connect) implements CheckerSpec {

    public PingCheckSpec {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(connect, "connect");
        if (connect.bindTo().isPresent()) {
            throw new IllegalArgumentException("PING_CHECK does not support bindto");
        }
        if (connect.bindInterface().isPresent() || connect.fwmark().isPresent()
                || connect.bindPort().isPresent()) {
            throw new IllegalArgumentException(
                    "PING_CHECK does not support bind_if, fwmark or bind_port");
        }
    }

    @Override
    public String kind() {
        return "PING_CHECK";
    }
}
