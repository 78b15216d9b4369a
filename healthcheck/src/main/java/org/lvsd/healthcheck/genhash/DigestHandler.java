package org.lvsd.healthcheck.genhash;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import org.lvsd.healthcheck.check.RequestOnReady;

/** Sends the request and hashes the response body as it streams in. */
final class DigestHandler extends RequestOnReady {

    private final String request;
    private final long maxBody;
    private final CompletableFuture<GenhashResult> result;
    private final MessageDigest md5;
    private int status = -1;
    private long bytes;

    DigestHandler(String request, boolean tls, long maxBody,
                  CompletableFuture<GenhashResult> result) {
        super(tls);
        this.request = request;
        this.maxBody = maxBody;
        this.result = result;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is mandatory in every JDK", e);
        }
    }

    @Override
    protected void handshakeFailed(Throwable cause) {
        result.completeExceptionally(cause);
    }

    @Override
    protected void send(ChannelHandlerContext ctx) {
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
