package org.lvsd.healthcheck.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocketFactory;

/** Self-signed certificates made at test time with the JDK's keytool. */
final class TestCertificates {

    private static final char[] PASSWORD = "changeit".toCharArray();

    /** A PKCS#12 key store and its certificate as PEM. */
    record Issued(Path keyStore, Path pem) {

        SSLServerSocketFactory serverFactory() throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                ks.load(in, PASSWORD);
            }
            KeyManagerFactory kmf =
                    KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx.getServerSocketFactory();
        }
    }

    private TestCertificates() {
    }

    /**
     * A self-signed certificate for CN=localhost with SANs localhost and 127.0.0.1.
     *
     * @param startDate keytool {@code -startdate} (for example {@code "-10d"}), or null for now
     * @param days      validity in days
     */
    static Issued selfSigned(Path dir, String name, String startDate, int days)
            throws IOException, InterruptedException {
        Path ks = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        List<String> gen = new ArrayList<>(List.of(keytool(), "-genkeypair", "-alias", name,
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", Integer.toString(days),
                "-keystore", ks.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
        if (startDate != null) {
            gen.add("-startdate");
            gen.add(startDate);
        }
        exec(gen);
        exec(List.of(keytool(), "-exportcert", "-rfc", "-alias", name, "-keystore",
                ks.toString(), "-storepass", new String(PASSWORD), "-file", pem.toString()));
        return new Issued(ks, pem);
    }

    /**
     * A CA and a leaf it signed for CN=localhost (SANs localhost, 127.0.0.1); the leaf's key
     * store holds the chain, the PEM is the CA's.
     */
    static Issued caSigned(Path dir, String name, String leafStartDate, int leafDays)
            throws IOException, InterruptedException {
        String pass = new String(PASSWORD);
        Path caKs = dir.resolve(name + "-ca.p12");
        Path caPem = dir.resolve(name + "-ca.pem");
        Path leafKs = dir.resolve(name + ".p12");
        Path csr = dir.resolve(name + ".csr");
        Path leafPem = dir.resolve(name + "-leaf.pem");
        exec(List.of(keytool(), "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=lvsd test CA", "-ext", "bc:c", "-validity", "30",
                "-keystore", caKs.toString(), "-storetype", "PKCS12", "-storepass", pass));
        exec(List.of(keytool(), "-exportcert", "-rfc", "-alias", "ca", "-keystore",
                caKs.toString(), "-storepass", pass, "-file", caPem.toString()));
        exec(List.of(keytool(), "-genkeypair", "-alias", "leaf", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=localhost", "-validity", "30", "-keystore",
                leafKs.toString(), "-storetype", "PKCS12", "-storepass", pass));
        exec(List.of(keytool(), "-certreq", "-alias", "leaf", "-keystore", leafKs.toString(),
                "-storepass", pass, "-file", csr.toString()));
        List<String> sign = new ArrayList<>(List.of(keytool(), "-gencert", "-alias", "ca",
                "-keystore", caKs.toString(), "-storepass", pass, "-infile", csr.toString(),
                "-outfile", leafPem.toString(), "-rfc", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", Integer.toString(leafDays)));
        if (leafStartDate != null) {
            sign.add("-startdate");
            sign.add(leafStartDate);
        }
        exec(sign);
        exec(List.of(keytool(), "-importcert", "-noprompt", "-alias", "ca", "-file",
                caPem.toString(), "-keystore", leafKs.toString(), "-storepass", pass));
        exec(List.of(keytool(), "-importcert", "-noprompt", "-alias", "leaf", "-file",
                leafPem.toString(), "-keystore", leafKs.toString(), "-storepass", pass));
        return new Issued(leafKs, caPem);
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private static void exec(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("keytool timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(out, StandardCharsets.UTF_8));
        }
    }
}
