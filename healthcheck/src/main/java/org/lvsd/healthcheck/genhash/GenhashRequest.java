package org.lvsd.healthcheck.genhash;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.lvsd.healthcheck.spec.HttpCheckSpec.HttpProtocol;

/**
 * What to fetch: an {@code http} or {@code https} URL, an optional virtualhost for the Host
 * header (and SNI), the protocol, a deadline for the whole fetch and a body size cap.
 */
public record GenhashRequest(URI url, Optional<String> virtualhost, HttpProtocol protocol,
                             Duration timeout, long maxBodyBytes) {

    public GenhashRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(virtualhost, "virtualhost");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(timeout, "timeout");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("URL must be http or https: " + url);
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("URL has no host: " + url);
        }
        if (timeout.isZero() || timeout.isNegative() || maxBodyBytes < 1) {
            throw new IllegalArgumentException("timeout and size cap must be positive");
        }
    }

    /** Defaults: HTTP/1.0, 5 s, 64 MiB. */
    public static GenhashRequest of(URI url, Optional<String> virtualhost) {
        return new GenhashRequest(url, virtualhost, HttpProtocol.HTTP_1_0, Duration.ofSeconds(5),
                64L << 20);
    }

    public boolean tls() {
        return url.getScheme().equalsIgnoreCase("https");
    }

    public int port() {
        return url.getPort() > 0 ? url.getPort() : tls() ? 443 : 80;
    }

    /** Path and query as sent on the request line; "/" when empty. */
    public String path() {
        String p = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? p : p + "?" + url.getRawQuery();
    }
}
