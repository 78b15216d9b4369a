package org.lvsd.healthcheck.check;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;

/**
 * The sending half of an HTTP_GET / SSL_GET probe: writes the request once the connection is
 * up (after the TLS handshake for SSL_GET). Subclasses judge the response.
 */
abstract class HttpExchange extends RequestOnReady {

    protected final ProbeSession session;
    private final byte[] request;

    /** @param request the encoded request ({@link HttpRequests#get}), shared, never written to */
    HttpExchange(ProbeSession session, byte[] request, boolean tls) {
        super(tls);
        this.session = session;
        this.request = request;
    }

    @Override
    protected void handshakeStarted() {
        session.phase("TLS handshake");
    }

    @Override
    protected void handshakeFailed(Throwable cause) {
        session.fail(cause);
    }

    @Override
    protected void send(ChannelHandlerContext ctx) {
        session.phase("response");
        ctx.writeAndFlush(Unpooled.wrappedBuffer(request))
                .addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        session.fail(f.cause());
                    }
                });
    }
}
