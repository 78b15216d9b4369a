package org.lvsd.healthcheck.check;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * The sending half of an HTTP_GET / SSL_GET probe: writes the request once the connection is
 * up (after the TLS handshake for SSL_GET). Subclasses judge the response.
 */
abstract class HttpExchange extends ChannelInboundHandlerAdapter {

    protected final ProbeSession session;
    private final byte[] request;
    private final boolean tls;

    /** @param request the encoded request ({@link HttpRequests#get}), shared, never written to */
    HttpExchange(ProbeSession session, byte[] request, boolean tls) {
        this.session = session;
        this.request = request;
        this.tls = tls;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (tls) {
            session.phase("TLS handshake");
        } else {
            send(ctx);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent e) {
            if (e.isSuccess()) {
                send(ctx);
            } else {
                session.fail(e.cause());
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    private void send(ChannelHandlerContext ctx) {
        session.phase("response");
        ctx.writeAndFlush(Unpooled.wrappedBuffer(request))
                .addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        session.fail(f.cause());
                    }
                });
    }
}
