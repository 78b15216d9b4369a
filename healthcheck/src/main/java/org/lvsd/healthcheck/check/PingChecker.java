package org.lvsd.healthcheck.check;

import java.net.InetAddress;
import java.util.concurrent.CompletionStage;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.icmp.Pinger;
import org.lvsd.healthcheck.spec.PingCheckSpec;

/**
 * PING_CHECK: passes on an ICMP echo reply within {@code connect_timeout}, through the
 * transport's shared {@link Pinger} and under its in-flight limit.
 */
public final class PingChecker implements Checker {

    private final CheckTransport transport;
    private final PingCheckSpec spec;
    private final InetAddress target;

    public PingChecker(CheckTransport transport, PingCheckSpec spec, InetAddress target) {
        this.transport = transport;
        this.spec = spec;
        this.target = target;
    }

    @Override
    public CompletionStage<CheckResult> check() {
        return transport.limited(() -> transport.pinger()
                .echo(target, spec.timing().connectTimeout())
                .thenApply(r -> r.replied() ? CheckResult.up(r.reason(), r.took())
                        : CheckResult.down(r.reason(), r.took())));
    }
}
