package org.lvsd.healthcheck.spec;

import java.util.Objects;

/** TCP_CHECK: up when a connect completes within {@code connect_timeout}. */
public record TcpCheckSpec(CheckTiming timing, ConnectOptions connect) implements CheckerSpec {

    public TcpCheckSpec {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(connect, "connect");
    }

    @Override
    public String kind() {
        return "TCP_CHECK";
    }
}
