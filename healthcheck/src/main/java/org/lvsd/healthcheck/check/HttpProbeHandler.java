package org.lvsd.healthcheck.check;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.lvsd.healthcheck.spec.UrlSpec;

/**
 * Judges a decoded response (after an HttpResponseDecoder): the status must be in the url's
 * set; with a {@code digest}, the MD5 of the body, computed as it streams, must match; with a
 * {@code regex}, the whole body (at most the response cap) must match it, or must not with
 * {@code regex_no_match} ({@link BodyRegex}). Urls with neither digest nor regex use the
 * lighter {@link StatusLine}.
 */
final class HttpProbeHandler extends HttpExchange {

    private final UrlSpec url;
    private final BodyRegex regex;
    private final long maxBody;
    private MessageDigest md5;
    private byte[] body;
    private int bodyLength;
    private boolean inBody;
    private int status;

    /** @param regex the url's {@link BodyRegex#of}, null without one */
    HttpProbeHandler(ProbeSession session, byte[] request, UrlSpec url, BodyRegex regex,
                     boolean tls, long maxBody) {
        super(session, request, tls);
        this.url = url;
        this.regex = regex;
        this.maxBody = maxBody;
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
            if (msg instanceof HttpContent c && inBody) {
                if (c.decoderResult().isFailure()) {
                    session.fail("malformed HTTP body");
                    return;
                }
                if (md5 != null) {
                    md5.update(c.content().nioBuffer());
                }
                if (regex != null) {
                    keep(c.content());
                }
                if (c instanceof LastHttpContent) {
                    judgeBody();
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
        if (!url.needsBody()) {
            session.succeed("HTTP status " + status);
            return;
        }
        long length = HttpUtil.getContentLength(r, -1L);
        if (length > maxBody) {
            session.fail(Reasons.responseExceeds(maxBody) + " (Content-Length " + length + ")");
            return;
        }
        session.phase("response body");
        inBody = true;
        if (url.digest().isPresent()) {
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is mandatory in every JDK", e);
            }
        }
        if (regex != null) {
            body = new byte[(int) Math.min(maxBody, length >= 0 ? Math.max(length, 1) : 4096)];
        }
    }

    /** Appends to the body kept for the regex (the byte cap bounds it by maxBody). */
    private void keep(ByteBuf content) {
        int n = content.readableBytes();
        if (bodyLength + n > body.length) {
            long size = Math.max((long) bodyLength + n, Math.min(maxBody, 2L * body.length));
            body = Arrays.copyOf(body, (int) Math.min(Integer.MAX_VALUE - 8, size));
        }
        content.getBytes(content.readerIndex(), body, bodyLength, n);
        bodyLength += n;
    }

    private void judgeBody() {
        String verdict = "HTTP status " + status;
        if (md5 != null) {
            String hex = HexFormat.of().formatHex(md5.digest());
            if (!hex.equals(url.digest().orElseThrow())) {
                session.fail("digest mismatch: " + hex);
                return;
            }
            verdict += ", digest ok";
        }
        if (regex != null) {
            String failure = regex.judge(body, bodyLength);
            if (failure != null) {
                session.fail(failure);
                return;
            }
            verdict += url.regexNoMatch() ? ", regex not matched" : ", regex matched";
        }
        session.succeed(verdict);
    }
}
