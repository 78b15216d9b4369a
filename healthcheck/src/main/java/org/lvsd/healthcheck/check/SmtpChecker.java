package org.lvsd.healthcheck.check;

import io.netty.handler.codec.LineBasedFrameDecoder;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.spec.SmtpCheckSpec;

/**
 * SMTP_CHECK: greeting, HELO and QUIT within {@code connect_timeout}; reply lines longer than
 * RFC 5321's 512 octets (§4.5.3.1.5) fail the probe.
 */
public final class SmtpChecker implements Checker {

    private static final int MAX_LINE = 512;

    private final CheckTransport transport;
    private final SmtpCheckSpec spec;
    private final InetSocketAddress target;

    public SmtpChecker(CheckTransport transport, SmtpCheckSpec spec, InetSocketAddress target) {
        this.transport = transport;
        this.spec = spec;
        this.target = target;
    }

    @Override
    public CompletionStage<CheckResult> check() {
        return TcpProbe.run(transport, target, spec.connect(),
                spec.timing().connectTimeout(), (session, pipeline) -> {
                    pipeline.addLast(new LineBasedFrameDecoder(MAX_LINE, true, true));
                    pipeline.addLast(new SmtpProbeHandler(session, spec.heloName()));
                });
    }
}
