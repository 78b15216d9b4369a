package org.lvsd.healthcheck.check;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.spec.ConnectOptions;

/**
 * Opens one connected UDP socket for a probe under the in-flight limit. Connecting the socket
 * makes the kernel report ICMP port unreachable as {@code PortUnreachableException}. The
 * {@code start} callback sends the request once the socket is connected.
 */
final class UdpProbe {

    private UdpProbe() {
    }

    static CompletionStage<CheckResult> run(CheckTransport transport, InetSocketAddress target,
                                            ConnectOptions connect, Duration timeout,
                                            BiConsumer<ProbeSession, ChannelPipeline> init,
                                            BiConsumer<ProbeSession, Channel> start) {
        return ProbeChannel.open(transport, target, connect, timeout,
                transport::newDatagramChannel, init, (session, channel) -> {
                    session.phase("reply");
                    start.accept(session, channel);
                });
    }
}
