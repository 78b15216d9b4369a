package org.lvsd.healthcheck.check;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.lvsd.healthcheck.spec.UrlSpec;

/**
 * Sends one GET (after the TLS handshake for SSL_GET) and judges the response: the status must
 * be in the url's set; with a {@code digest}, the MD5 of the body, computed as it streams,
 * must match. Without a digest the probe ends as soon as the status line is judged.
 */
final class HttpProbeHandler extends ChannelInboundHandlerAdapter {

    private final ProbeSession session;
    private final String request;
    private final UrlSpec url;
    private final boolean tls;
    private final long maxBody;
    private MessageDigest md5;
    private int status;

    HttpProbeHandler(ProbeSession session, String request, UrlSpec url, boolean tls,
                     long maxBody) {
        this.session = session;
        this.request = request;
        this.url = url;
        this.tls = tls;
        this.maxBody = maxBody;
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
        ctx.writeAndFlush(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII))
                .addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        session.fail(f.cause());
                    }
                });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (session.done()) {
                return;
            }
            if (msg instanceof HttpResponse r) {
                onHead(r);
            }
            if (msg instanceof HttpContent c && md5 != null) {
                if (c.decoderResult().isFailure()) {
                    session.fail("malformed HTTP body");
                    return;
                }
                md5.update(c.content().nioBuffer());
                if (c instanceof LastHttpContent) {
                    String hex = HexFormat.of().formatHex(md5.digest());
                    if (hex.equals(url.digest().orElseThrow())) {
                        session.succeed("HTTP status " + status + ", digest ok");
                    } else {
                        session.fail("digest mismatch: " + hex);
                    }
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHead(HttpResponse r) {
        if (r.decoderResult().isFailure()) {
            session.fail("malformed HTTP response");
            return;
        }
        status = r.status().code();
        if (!url.statusCodes().contains(status)) {
            session.fail("HTTP status " + status);
            return;
        }
        if (url.digest().isEmpty()) {
            session.succeed("HTTP status " + status);
            return;
        }
        long length = HttpUtil.getContentLength(r, -1L);
        if (length > maxBody) {
            session.fail("response exceeds " + maxBody + " bytes (Content-Length " + length + ")");
            return;
        }
        session.phase("response body");
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is mandatory in every JDK", e);
        }
    }
}
