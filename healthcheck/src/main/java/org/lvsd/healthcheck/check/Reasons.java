package org.lvsd.healthcheck.check;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Human reasons for probe failures: short, lower case, stable. */
final class Reasons {

    private Reasons() {
    }

    /** {@code "3 s"} for whole seconds, {@code "250 ms"} otherwise. */
    static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** A response past the cap of {@code max} bytes (the channel and the bare path say the same). */
    static String responseExceeds(long max) {
        return "response exceeds " + max + " bytes";
    }

    static String of(Throwable t, Duration timeout) {
        Throwable cause = t;
        while (cause instanceof DecoderException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ConnectTimeoutException) {
            return "connect timeout " + duration(timeout);
        }
        if (cause instanceof PortUnreachableException) {
            return "ICMP port unreachable";
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (cause instanceof SSLException) {
            return "TLS handshake failed: " + cause.getMessage();
        }
        String msg = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        if (cause instanceof ConnectException && msg.contains("refused")) {
            return "connection refused";
        }
        if (msg.contains("reset")) {
            return "connection reset";
        }
        if (msg.contains("broken pipe")) {
            return "connection closed by peer";
        }
        return cause.getClass().getSimpleName() + (msg.isEmpty() ? "" : ": " + msg);
    }
}
