package org.lvsd.healthcheck.check;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;

/** Fails the probe once more than {@code max} bytes arrive; drops everything after that. */
final class ByteCap extends ChannelInboundHandlerAdapter {

    private final ProbeSession session;
    private final long max;
    private long seen;

    ByteCap(ProbeSession session, long max) {
        this.session = session;
        this.max = max;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf b) {
            seen += b.readableBytes();
        } else if (msg instanceof DatagramPacket p) {
            seen += p.content().readableBytes();
        }
        if (seen > max || session.done()) {
            ReferenceCountUtil.release(msg);
            session.fail(Reasons.responseExceeds(max));
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
