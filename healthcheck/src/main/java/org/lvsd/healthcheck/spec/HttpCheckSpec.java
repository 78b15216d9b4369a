package org.lvsd.healthcheck.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP_GET (tls empty) or SSL_GET (tls present). Every url must pass for the checker to pass.
 *
 * @param protocol    {@code http_protocol}: 1.0 (keepalived default) or 1.1
 * @param virtualhost checker-level {@code virtualhost}, sent as the Host header
 * @param urls        the url blocks, at least one
 * @param tls         SSL_GET options; empty for HTTP_GET
 */
public record HttpCheckSpec(CheckTiming timing, ConnectOptions connect, HttpProtocol protocol,
                            Optional<String> virtualhost, List<UrlSpec> urls,
                            Optional<TlsOptions> tls) implements CheckerSpec {

    /** {@code http_protocol}. */
    public enum HttpProtocol {
        HTTP_1_0("HTTP/1.0"), HTTP_1_1("HTTP/1.1");

        private final String text;

        HttpProtocol(String text) {
            this.text = text;
        }

        /** The request-line token, for example {@code HTTP/1.0}. */
        public String text() {
            return text;
        }
    }

    public HttpCheckSpec {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(virtualhost, "virtualhost");
        Objects.requireNonNull(tls, "tls");
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("HTTP_GET needs at least one url");
        }
    }

    @Override
    public String kind() {
        return tls.isPresent() ? "SSL_GET" : "HTTP_GET";
    }
}
