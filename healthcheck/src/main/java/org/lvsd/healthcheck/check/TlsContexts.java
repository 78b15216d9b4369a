package org.lvsd.healthcheck.check;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.net.ssl.SSLException;
import org.lvsd.healthcheck.spec.TlsOptions;

/**
 * TLS client contexts for SSL_GET. Without {@code verify_cert} any certificate is accepted and
 * no host name is checked (keepalived's behaviour); with it the chain must lead to the CA file
 * and the name must match (HTTPS endpoint identification).
 */
final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * Builds the context.
     *
     * @throws UncheckedIOException when the CA file is missing or holds no certificate
     */
    static SslContext client(TlsOptions options) {
        try {
            SslContextBuilder b = SslContextBuilder.forClient();
            if (options.verifyCert()) {
                b.trustManager(options.caFile().orElseThrow().toFile())
                        .endpointIdentificationAlgorithm("HTTPS");
            } else {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE)
                        .endpointIdentificationAlgorithm(null);
            }
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("cannot use CA file "
                    + options.caFile().map(Object::toString).orElse("(none)") + ": "
                    + e.getMessage(), e));
        }
    }
}
