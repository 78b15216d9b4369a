package org.lvsd.healthcheck.check;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;

/**
 * The SMTP dialogue of SMTP_CHECK (RFC 5321): wait for the 220 greeting (§4.2, multi-line
 * replies use {@code code-text} continuations), send {@code HELO name} (§4.1.1.1), expect 250,
 * send {@code QUIT} (§4.1.1.10) and pass.
 */
final class SmtpProbeHandler extends ChannelInboundHandlerAdapter {

    private enum State { GREETING, HELO }

    private final ProbeSession session;
    private final String heloName;
    private State state = State.GREETING;

    SmtpProbeHandler(ProbeSession session, String heloName) {
        this.session = session;
        this.heloName = heloName;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        session.phase("SMTP greeting");
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        String line;
        try {
            line = buf.toString(StandardCharsets.US_ASCII);
        } finally {
            buf.release();
        }
        if (session.done()) {
            return;
        }
        if (line.length() < 3 || !Character.isDigit(line.charAt(0))
                || !Character.isDigit(line.charAt(1)) || !Character.isDigit(line.charAt(2))
                || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
            session.fail("malformed SMTP reply: " + shorten(line));
            return;
        }
        if (line.length() > 3 && line.charAt(3) == '-') {
            return;
        }
        int code = Integer.parseInt(line.substring(0, 3));
        if (state == State.GREETING) {
            if (code != 220) {
                session.fail("SMTP greeting " + shorten(line));
                return;
            }
            state = State.HELO;
            session.phase("SMTP HELO reply");
            send(ctx, "HELO " + heloName + "\r\n");
        } else {
            if (code != 250) {
                session.fail("SMTP HELO reply " + shorten(line));
                return;
            }
            send(ctx, "QUIT\r\n").addListener((ChannelFutureListener) f ->
                    session.succeed("SMTP 250 to HELO"));
        }
    }

    private io.netty.channel.ChannelFuture send(ChannelHandlerContext ctx, String text) {
        return ctx.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    private static String shorten(String line) {
        String clean = line.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 80) + "...";
    }
}
