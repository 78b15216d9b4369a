package org.lvsd.healthcheck.spec;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * SSL_GET options. keepalived never verifies the server certificate; lvsd does the same by
 * default and verifies only with {@code verify_cert}, against the PEM CA bundle in
 * {@code caFile}, including the host name ({@code sni_name}, else the virtualhost, else the
 * IP address).
 *
 * @param enableSni  {@code enable_sni}: send SNI (the {@code sni_name} or the virtualhost)
 * @param sniName    {@code sni_name}
 * @param verifyCert lvsd {@code verify_cert}
 * @param caFile     PEM file of trusted CAs; required with {@code verify_cert}
 */
public record TlsOptions(boolean enableSni, Optional<String> sniName, boolean verifyCert,
                         Optional<Path> caFile) {

    public TlsOptions {
        Objects.requireNonNull(sniName, "sniName");
        Objects.requireNonNull(caFile, "caFile");
        if (verifyCert && caFile.isEmpty()) {
            throw new IllegalArgumentException("verify_cert needs a CA file");
        }
    }

    /** keepalived behaviour: no SNI, no verification. */
    public static TlsOptions insecure() {
        return new TlsOptions(false, Optional.empty(), false, Optional.empty());
    }
}
