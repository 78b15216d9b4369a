package org.lvsd.healthcheck.check;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
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

    static SslContext client(TlsOptions options) {
        SslContextBuilder b = SslContextBuilder.forClient();
        if (options.verifyCert()) {
            b.trustManager(options.caFile().orElseThrow().toFile())
                    .endpointIdentificationAlgorithm("HTTPS");
        } else {
            b.trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .endpointIdentificationAlgorithm(null);
        }
        try {
            return b.build();
        } catch (SSLException e) {
            throw new UncheckedIOException("cannot build TLS context: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException("bad CA file " + options.caFile().orElseThrow(),
                    new java.io.IOException(e));
        }
    }
}
