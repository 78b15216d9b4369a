package org.lvsd.healthcheck.check;

import io.netty.buffer.ByteBuf;
import org.lvsd.healthcheck.spec.UrlSpec;

/**
 * Judges a url with neither {@code digest} nor {@code regex} on its status line alone
 * (RFC 9112 §4: {@code HTTP/d.d SP 3DIGIT [SP reason] CRLF}), straight from the bytes as they
 * arrive, in pieces of any size: no header parsing, no message objects. The probe's session
 * finishes as soon as the line is judged; a line longer than {@link #MAX_LINE} bytes or of
 * another shape is a malformed response. One implementation for both ways a plain HTTP_GET
 * reads: the channel's {@link HttpStatusHandler} and the bare socket's {@link HttpStatusExchange}.
 */
final class StatusLine {

    /** Longest status line accepted. */
    static final int MAX_LINE = 8192;

    private final ProbeSession session;
    private final UrlSpec url;
    private final byte[] line = new byte[16];
    private int length;
    private int seen;

    StatusLine(ProbeSession session, UrlSpec url) {
        this.session = session;
        this.url = url;
    }

    /** Reads {@code b}'s readable bytes (without moving its indexes) until the line is judged. */
    void read(ByteBuf b) {
        int end = b.writerIndex();
        for (int i = b.readerIndex(); i < end; i++) {
            byte c = b.getByte(i);
            if (c == '\n') {
                judge();
                return;
            }
            if (++seen > MAX_LINE) {
                session.fail("malformed HTTP response");
                return;
            }
            if (length < line.length) {
                line[length++] = c;
            }
        }
    }

    /** The line (without its CR) is "HTTP/d.d ddd", alone or followed by a space. */
    private void judge() {
        int n = length;
        if (seen == length && n > 0 && line[n - 1] == '\r') {
            n--;
        }
        boolean ok = n >= 12 && line[0] == 'H' && line[1] == 'T' && line[2] == 'T'
                && line[3] == 'P' && line[4] == '/' && digit(line[5]) && line[6] == '.'
                && digit(line[7]) && line[8] == ' ' && digit(line[9]) && digit(line[10])
                && digit(line[11]) && (n == 12 || line[12] == ' ');
        if (!ok) {
            session.fail("malformed HTTP response");
            return;
        }
        int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        if (url.statusCodes().contains(status)) {
            session.succeed("HTTP status " + status);
        } else {
            session.fail("HTTP status " + status);
        }
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }
}
