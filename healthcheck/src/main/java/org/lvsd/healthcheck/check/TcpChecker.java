package org.lvsd.healthcheck.check;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.spec.TcpCheckSpec;

/** TCP_CHECK: passes when the connection is established within {@code connect_timeout}. */
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
        return TcpProbe.run(transport, target, spec.connect().bindTo(),
                spec.timing().connectTimeout(), (session, pipeline) ->
                        pipeline.addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelActive(ChannelHandlerContext ctx) {
                                session.succeed("connected");
                            }
                        }));
    }
}
