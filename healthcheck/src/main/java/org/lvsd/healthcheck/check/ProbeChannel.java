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
import java.util.function.UnaryOperator;
import org.lvsd.healthcheck.CheckResult;

/**
 * The channel set-up every network probe shares ({@link TcpProbe}, {@link UdpProbe}): under the
 * in-flight limit, a {@link ProbeSession} with the whole-probe deadline, a pipeline of the byte cap,
 * the caller's handlers and the session's tail, and a connect from {@code bindto} (any port) when
 * given. A failed connect fails the probe; a successful one hands the channel to {@code connected}.
 */
final class ProbeChannel {

    private ProbeChannel() {
    }

    /**
     * @param channel picks the channel type and its options on the probe's bootstrap
     * @param init adds the protocol handlers between the byte cap and the session's tail
     * @param connected runs once the channel is connected
     */
    static CompletionStage<CheckResult> open(CheckTransport transport, InetSocketAddress target,
                                             Optional<InetAddress> bindTo, Duration timeout,
                                             UnaryOperator<Bootstrap> channel,
                                             BiConsumer<ProbeSession, ChannelPipeline> init,
                                             BiConsumer<ProbeSession, Channel> connected) {
        return transport.limited(() -> {
            ProbeSession session = new ProbeSession(timeout);
            Bootstrap b = channel.apply(new Bootstrap().group(transport.group()))
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
                    connected.accept(session, cf.channel());
                }
            });
            return session.result();
        });
    }
}
