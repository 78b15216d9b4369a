package org.lvsd.healthcheck.check;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.spec.ConnectOptions;

/**
 * The channel set-up every network probe shares ({@link TcpProbe}, {@link UdpProbe}): under the
 * in-flight limit, a {@link ProbeSession} with the whole-probe deadline, a pipeline of the byte
 * cap, the caller's handlers and the session's tail, and a connect from the source
 * {@link ProbeSockets} derives ({@code bindto}, {@code bind_port}, {@code bind_if},
 * {@code fwmark}); a source option the socket refuses fails the probe with its reason. A failed connect fails the probe; a successful one hands the channel to
 * {@code connected}.
 *
 * <p>No {@code Bootstrap}: the channel is made, its pipeline filled and registered directly,
 * and the connect is issued on its event loop once registered (the calling loop's own when the
 * check was scheduled on one, {@link CheckTransport#loop}; else one task hand-off to the next
 * loop). No option map, no initializer and no address resolution (targets are resolved
 * addresses).
 */
final class ProbeChannel {

    private ProbeChannel() {
    }

    /**
     * @param channel makes the unregistered channel with its options set
     * @param init adds the protocol handlers between the byte cap and the session's tail
     * @param connected runs once the channel is connected
     */
    static CompletionStage<CheckResult> open(CheckTransport transport, InetSocketAddress target,
                                             ConnectOptions connect, Duration timeout,
                                             Supplier<Channel> channel,
                                             BiConsumer<ProbeSession, ChannelPipeline> init,
                                             BiConsumer<ProbeSession, Channel> connected) {
        return transport.limited(() -> {
            ProbeSession session = new ProbeSession(timeout);
            Channel ch;
            try {
                ch = channel.get();
            } catch (RuntimeException e) {
                session.fail(e);
                return session.result();
            }
            String unusable = ProbeSockets.configure(ch, connect);
            if (unusable != null) {
                ch.unsafe().closeForcibly();
                session.fail(unusable);
                return session.result();
            }
            InetSocketAddress local = ProbeSockets.local(connect, target);
            ChannelPipeline p = ch.pipeline();
            p.addLast(new ByteCap(session, transport.limits().maxResponseBytes()));
            init.accept(session, p);
            p.addLast(session.tail());
            EventLoop loop = transport.loop();
            loop.register(ch).addListener((ChannelFuture reg) -> {
                if (!reg.isSuccess()) {
                    ch.unsafe().closeForcibly();
                    session.fail(reg.cause());
                    return;
                }
                session.attach(ch);
                ChannelFuture f = local != null ? ch.connect(target, local) : ch.connect(target);
                f.addListener((ChannelFuture cf) -> {
                    if (!cf.isSuccess()) {
                        session.fail(cf.cause());
                    } else {
                        connected.accept(session, ch);
                    }
                });
            });
            return session.result();
        });
    }
}
