package org.lvsd.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.healthcheck.check.Fixtures.https;
import static org.lvsd.healthcheck.check.Fixtures.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.spec.TlsOptions;
import org.lvsd.healthcheck.spec.UrlSpec;

class SslGetCheckerTest {

    @TempDir
    static Path dir;
    @RegisterExtension
    static final SharedTransport transport = new SharedTransport();
    private static TestCertificates.Issued valid;
    private static TestCertificates.Issued expired;
    private static TestCertificates.Issued other;
    private static TestCertificates.Issued chained;
    private LoopbackServer server;
    private final List<String> sniSeen = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final DescriptorBaseline descriptors = new DescriptorBaseline(TLS_CACHE_SLACK);

    @BeforeAll
    static void setUp() throws Exception {
        valid = TestCertificates.selfSigned(dir, "valid", null, 30);
        expired = TestCertificates.caSigned(dir, "expired", "-10d", 2);
        other = TestCertificates.selfSigned(dir, "other", null, 30);
        chained = TestCertificates.caSigned(dir, "chained", null, 30);
    }

    @AfterEach
    void closeServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /**
     * Descriptors the JDK's TLS stack opens once and keeps (the key store file and the
     * cacerts / random sources read lazily on the first handshake of a context).
     */
    private static final int TLS_CACHE_SLACK = 2;

    private void serveTls(TestCertificates.Issued cert) throws Exception {
        server = LoopbackServer.start(cert.serverFactory(), s -> {
            SSLSocket tls = (SSLSocket) s;
            SSLParameters params = tls.getSSLParameters();
            params.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                @Override
                public boolean matches(SNIServerName name) {
                    sniSeen.add(((SNIHostName) name).getAsciiName());
                    return true;
                }
            }));
            tls.setSSLParameters(params);
            tls.startHandshake();
            server.readHead(s);
            LoopbackServer.write(s, "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok");
        });
    }

    private CheckResult check(TlsOptions tls) {
        return run(new HttpChecker(transport.get(), https(tls, UrlSpec.of("/")), server.address()));
    }

    private static TlsOptions verifyWith(Path ca) {
        return new TlsOptions(false, Optional.empty(), true, Optional.of(ca));
    }

    @Test
    void selfSignedCertificateIsAcceptedWithoutVerification() throws Exception {
        serveTls(valid);
        CheckResult r = check(TlsOptions.insecure());
        assertEquals("HTTP status 200", r.reason());
        assertTrue(r.ok());
        assertEquals(List.of(), sniSeen);
    }

    @Test
    void expiredCertificateIsAcceptedWithoutVerification() throws Exception {
        serveTls(expired);
        assertTrue(check(TlsOptions.insecure()).ok());
    }

    @Test
    void verifiedCertificateTrustedByTheCaFilePasses() throws Exception {
        serveTls(valid);
        CheckResult r = check(verifyWith(valid.pem()));
        assertEquals("HTTP status 200", r.reason());
    }

    @Test
    void leafSignedByTheConfiguredCaPasses() throws Exception {
        serveTls(chained);
        assertEquals("HTTP status 200", check(verifyWith(chained.pem())).reason());
    }

    @Test
    void certificateFromAnotherIssuerFailsVerification() throws Exception {
        serveTls(valid);
        CheckResult r = check(verifyWith(other.pem()));
        assertFalse(r.ok());
        assertTrue(r.reason().startsWith("TLS handshake failed: "), r.reason());
    }

    @Test
    void expiredCertificateFailsVerification() throws Exception {
        serveTls(expired);
        CheckResult r = check(verifyWith(expired.pem()));
        assertTrue(r.reason().contains("expired") || r.reason().contains("validity"),
                r.reason());
        assertFalse(r.ok());
        assertTrue(r.reason().startsWith("TLS handshake failed: "), r.reason());
    }

    @Test
    void sniSendsTheConfiguredName() throws Exception {
        serveTls(valid);
        CheckResult r = check(new TlsOptions(true, Optional.of("localhost"), true,
                Optional.of(valid.pem())));
        assertTrue(r.ok(), r.reason());
        assertEquals(List.of("localhost"), sniSeen);
    }

    @Test
    void unusableCaFileFailsTheCheckWithTheReason() throws Exception {
        serveTls(valid);
        Path missing = dir.resolve("missing.pem");
        CheckResult r = check(verifyWith(missing));
        assertFalse(r.ok());
        assertTrue(r.reason().startsWith("cannot use CA file " + missing + ": "), r.reason());
    }

    @Test
    void plainServerBehindSslGetFailsTheHandshake() throws Exception {
        server = LoopbackServer.start(s -> {
            server.readHead(s);
            LoopbackServer.write(s, "HTTP/1.0 200 OK\r\n\r\n");
        });
        CheckResult r = check(TlsOptions.insecure());
        assertFalse(r.ok());
    }
}
