package org.lvsd.healthcheck.genhash;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/** Sends the request and hashes the response body as it streams in. */
final class DigestHandler extends ChannelInboundHandlerAdapter {

    private final String request;
    private final boolean tls;
    private final long maxBody;
    private final CompletableFuture<GenhashResult> result;
    private final MessageDigest md5;
    private int status = -1;
    private long bytes;

    DigestHandler(String request, boolean tls, long maxBody,
                  CompletableFuture<GenhashResult> result) {
        this.request = request;
        this.tls = tls;
        this.maxBody = maxBody;
        this.result = result;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is mandatory in every JDK", e);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!tls) {
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
                result.completeExceptionally(e.cause());
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    private void send(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpResponse r) {
                if (r.decoderResult().isFailure()) {
                    fail(ctx, "malformed HTTP response");
                    return;
                }
                status = r.status().code();
            }
            if (msg instanceof HttpContent c && status >= 0) {
                bytes += c.content().readableBytes();
                if (bytes > maxBody) {
                    fail(ctx, "body exceeds " + maxBody + " bytes");
                    return;
                }
                md5.update(c.content().nioBuffer());
                if (c instanceof LastHttpContent) {
                    result.complete(new GenhashResult(status,
                            HexFormat.of().formatHex(md5.digest()), bytes));
                    ctx.close();
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void fail(ChannelHandlerContext ctx, String why) {
        result.completeExceptionally(new IOException(why));
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        result.completeExceptionally(new IOException("connection closed before the body ended"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        result.completeExceptionally(cause);
        ctx.close();
    }
}
