package org.lvsd.healthcheck.check;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.lvsd.healthcheck.spec.UrlSpec;

/**
 * Judges a decoded response (after an HttpResponseDecoder): the status must be in the url's
 * set; with a {@code digest}, the MD5 of the body, computed as it streams, must match. Without
 * a digest the probe ends as soon as the status line is judged (urls with neither digest nor
 * regex use the lighter {@link HttpStatusHandler}).
 */
final class HttpProbeHandler extends HttpExchange {

    private final UrlSpec url;
    private final long maxBody;
    private MessageDigest md5;
    private int status;

    HttpProbeHandler(ProbeSession session, byte[] request, UrlSpec url, boolean tls,
                     long maxBody) {
        super(session, request, tls);
        this.url = url;
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
