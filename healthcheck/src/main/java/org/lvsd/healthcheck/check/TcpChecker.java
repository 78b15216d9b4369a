package org.lvsd.healthcheck.check;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.spec.TcpCheckSpec;

/**
 * TCP_CHECK: passes when the connection is established within {@code connect_timeout}. The
 * connection is then closed with a reset (SO_LINGER 0), as keepalived and HAProxy close theirs:
 * no FIN exchange and no TIME_WAIT socket per check on the director. On the epoll transport a
 * probe without source options is a bare socket ({@link BareProbe}), whose reset even comes
 * before the server accepts the connection (the handshake's last ACK is delayed, TCP_QUICKACK
 * off); otherwise, and on NIO, a Netty channel.
 */
public final class TcpChecker implements Checker {

    private final CheckTransport transport;
    private final TcpCheckSpec spec;
    private final InetSocketAddress target;

    public TcpChecker(CheckTransport transport, TcpCheckSpec spec, InetSocketAddress target) {
        this.transport = transport;
        this.spec = spec;
        this.target = target;
    }

    @Override
    public CompletionStage<CheckResult> check() {
        if (BareProbe.usable(transport, spec.connect())) {
            return BareProbe.run(transport, target, spec.timing().connectTimeout(),
                    BareProbe.CONNECT_ONLY);
        }
        return TcpProbe.run(transport, target, spec.connect(),
                spec.timing().connectTimeout(), (session, pipeline) ->
                        pipeline.addLast(new ChannelInboundHandlerAdapter() {
                            /**
                             * Sets SO_LINGER 0 so that the close is a reset, then succeeds one
                             * task later: closing inside channelActive, while Netty still holds
                             * the connect promise, makes it fail that promise with a new
                             * ClosedChannelException (a stack trace per check).
                             */
                            @Override
                            public void channelActive(ChannelHandlerContext ctx) {
                                ((SocketChannel) ctx.channel()).config().setSoLinger(0);
                                ctx.executor().execute(() -> session.succeed("connected"));
                            }
                        }));
    }
}
