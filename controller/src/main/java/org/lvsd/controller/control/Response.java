package org.lvsd.controller.control;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An answer: {@code OK} and a body, or {@code ERR <message>}.
 *
 * @param ok      whether the request succeeded
 * @param message the error, empty when ok
 * @param body    the output, empty on error
 */
public record Response(boolean ok, String message, String body) {

    public Response {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(body, "body");
        if (message.contains("\n")) {
            throw new IllegalArgumentException("message must be one line");
        }
    }

    public static Response ok(String body) {
        return new Response(true, "", body);
    }

    public static Response error(String message) {
        return new Response(false, message.replace('\n', ' '), "");
    }

    /** The wire form: status line, then the body. */
    public byte[] encode() {
        String status = ok ? "OK" : "ERR " + message;
        return (status + "\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses the wire form. */
    public static Response decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String status = nl < 0 ? text : text.substring(0, nl);
        String body = nl < 0 ? "" : text.substring(nl + 1);
        if (status.equals("OK")) {
            return ok(body);
        }
        if (status.startsWith("ERR ")) {
            return error(status.substring(4));
        }
        return error("malformed answer from lvsd: '" + status + "'");
    }
}
