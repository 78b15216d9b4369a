package org.lvsd.healthcheck.check;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.lvsd.healthcheck.CheckResult;

/**
 * Opens one connected UDP socket for a probe under the in-flight limit. Connecting the socket
 * makes the kernel report ICMP port unreachable as {@code PortUnreachableException}. The
 * {@code start} callback sends the request once the socket is connected.
 */
final class UdpProbe {

    private UdpProbe() {
    }

    static CompletionStage<CheckResult> run(CheckTransport transport, InetSocketAddress target,
                                            Optional<InetAddress> bindTo, Duration timeout,
                                            BiConsumer<ProbeSession, ChannelPipeline> init,
                                            BiConsumer<ProbeSession, Channel> start) {
        return transport.limited(() -> {
            ProbeSession session = new ProbeSession(timeout);
            Bootstrap b = new Bootstrap()
                    .group(transport.group())
                    .channel(transport.datagramChannel())
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            session.attach(ch);
                            ch.pipeline().addLast(new ByteCap(session,
                                    transport.limits().maxResponseBytes()));
                            init.accept(session, ch.pipeline());
                            ch.pipeline().addLast(session.tail());
                        }
                    });
            ChannelFuture f = bindTo
                    .map(src -> b.connect(target, new InetSocketAddress(src, 0)))
                    .orElseGet(() -> b.connect(target));
            f.addListener((ChannelFuture cf) -> {
                if (!cf.isSuccess()) {
                    session.fail(cf.cause());
                } else {
                    session.phase("reply");
                    start.accept(session, cf.channel());
                }
            });
            return session.result();
        });
    }
}
