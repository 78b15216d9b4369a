package org.lvsd.healthcheck.check;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.lvsd.healthcheck.CheckResult;

/**
 * Opens one TCP connection for a probe under the in-flight limit, with {@code bindto}, a
 * connect timeout, the whole-probe deadline and the byte cap. The caller's initializer adds
 * the protocol handlers, which finish the {@link ProbeSession}.
 */
final class TcpProbe {

    private TcpProbe() {
    }

    static CompletionStage<CheckResult> run(CheckTransport transport, InetSocketAddress target,
                                            Optional<InetAddress> bindTo, Duration timeout,
                                            BiConsumer<ProbeSession, ChannelPipeline> init) {
        return transport.limited(() -> {
            ProbeSession session = new ProbeSession(timeout);
            Bootstrap b = new Bootstrap()
                    .group(transport.group())
                    .channel(transport.socketChannel())
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                            (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
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
                }
            });
            return session.result();
        });
    }
}
