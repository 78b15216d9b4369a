package org.lvsd.healthcheck.check;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * Writes a request once the connection is ready for it: as soon as it is up on plain TCP, after
 * the TLS handshake succeeded on TLS (a failed handshake is reported instead). Shared by the
 * HTTP_GET / SSL_GET probes and the genhash tool.
 */
public abstract class RequestOnReady extends ChannelInboundHandlerAdapter {

    private final boolean tls;

    /** @param tls whether a TLS handshake must complete before the request is sent */
    protected RequestOnReady(boolean tls) {
        this.tls = tls;
    }

    /** Writes the request. */
    protected abstract void send(ChannelHandlerContext ctx);

    /** The TLS handshake failed: the request is never sent. */
    protected abstract void handshakeFailed(Throwable cause);

    /** The connection is up and the TLS handshake is under way. */
    protected void handshakeStarted() {
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (tls) {
            handshakeStarted();
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
                handshakeFailed(e.cause());
            }
        }
        ctx.fireUserEventTriggered(evt);
    }
}
