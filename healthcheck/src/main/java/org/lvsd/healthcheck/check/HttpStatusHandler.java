package org.lvsd.healthcheck.check;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import org.lvsd.healthcheck.spec.UrlSpec;

/**
 * A url with neither {@code digest} nor {@code regex} on a channel (SSL_GET, source options,
 * NIO): the received bytes go to the {@link StatusLine} that judges them.
 */
final class HttpStatusHandler extends HttpExchange {

    private final StatusLine statusLine;

    HttpStatusHandler(ProbeSession session, byte[] request, UrlSpec url, boolean tls) {
        super(session, request, tls);
        this.statusLine = new StatusLine(session, url);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!session.done() && msg instanceof ByteBuf b) {
                statusLine.read(b);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }
}
