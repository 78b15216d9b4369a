package org.lvsd.healthcheck.check;

import io.netty.channel.ChannelPipeline;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.spec.ConnectOptions;

/**
 * Opens one TCP connection for a probe under the in-flight limit, with the source options, the
 * whole-probe deadline (which also bounds the connect: "connect timeout") and the byte cap.
 * The caller's initializer adds the protocol handlers, which finish the {@link ProbeSession}.
 */
final class TcpProbe {

    private TcpProbe() {
    }

    static CompletionStage<CheckResult> run(CheckTransport transport, InetSocketAddress target,
                                            ConnectOptions connect, Duration timeout,
                                            BiConsumer<ProbeSession, ChannelPipeline> init) {
        return ProbeChannel.open(transport, target, connect, timeout,
                transport::newSocketChannel, init, (session, channel) -> {
                });
    }
}
