package org.lvsd.healthcheck.check;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.spec.UdpCheckSpec;

/**
 * UDP_CHECK: sends the payload on a connected socket. An ICMP port unreachable fails. A reply
 * must have a length within [min_reply_length, max_reply_length] and match
 * {@code require_reply}; with {@code require_reply} a missing reply fails at
 * {@code connect_timeout}, without it silence passes.
 */
public final class UdpChecker implements Checker {

    private final CheckTransport transport;
    private final UdpCheckSpec spec;
    private final InetSocketAddress target;
    private final Optional<ReplyPattern> pattern;

    public UdpChecker(CheckTransport transport, UdpCheckSpec spec, InetSocketAddress target) {
        this.transport = transport;
        this.spec = spec;
        this.target = target;
        this.pattern = spec.requireReply().map(ReplyPattern::new);
    }

    @Override
    public CompletionStage<CheckResult> check() {
        byte[] payload = spec.payload();
        String wait = Reasons.duration(spec.timing().connectTimeout());
        return UdpProbe.run(transport, target, spec.connect(),
                spec.timing().connectTimeout(),
                (session, pipeline) -> {
                    session.onExpiry(() -> {
                        if (pattern.isPresent()) {
                            session.fail("no reply within " + wait);
                        } else {
                            session.succeed("no ICMP error within " + wait);
                        }
                    });
                    pipeline.addLast(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            try {
                                if (msg instanceof DatagramPacket p) {
                                    judge(session, ByteBufUtil.getBytes(p.content()));
                                }
                            } finally {
                                ReferenceCountUtil.release(msg);
                            }
                        }
                    });
                },
                (session, channel) -> channel.writeAndFlush(Unpooled.wrappedBuffer(payload))
                        .addListener((ChannelFutureListener) f -> {
                            if (!f.isSuccess()) {
                                session.fail(f.cause());
                            }
                        }));
    }

    private void judge(ProbeSession session, byte[] reply) {
        if (reply.length < spec.minReplyLength() || reply.length > spec.maxReplyLength()) {
            session.fail("reply of " + reply.length + " bytes outside ["
                    + spec.minReplyLength() + ", " + spec.maxReplyLength() + "]");
        } else if (pattern.isPresent() && !pattern.get().matches(reply)) {
            session.fail("reply does not match require_reply");
        } else {
            session.succeed("reply of " + reply.length + " bytes");
        }
    }
}
