package org.lvsd.healthcheck.check;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lvsd.healthcheck.check.Fixtures.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.spec.CheckTiming;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.HttpCheckSpec;
import org.lvsd.healthcheck.spec.HttpCheckSpec.HttpProtocol;
import org.lvsd.healthcheck.spec.TcpCheckSpec;
import org.lvsd.healthcheck.spec.UrlSpec;

/**
 * {@code bind_if} (SO_BINDTODEVICE) and {@code fwmark} (SO_MARK) need CAP_NET_RAW and
 * CAP_NET_ADMIN: root only. The oracle is ss(8), which reads the probe socket back from the
 * kernel (sock_diag) while the server holds the exchange open: the local address carries
 * "%lo" and the socket "fwmark:0x2a".
 */
class ProbeSocketOptionsIT {

    @RegisterExtension
    static final SharedTransport transport = new SharedTransport(new CheckLimits(64, 1 << 20));
    private LoopbackServer server;

    @BeforeEach
    void needRoot() throws IOException {
        boolean root = Files.readString(Path.of("/proc/self/status"))
                .matches("(?s).*\nUid:\\s+0\\s.*");
        assumeTrue(root, "needs root (SO_BINDTODEVICE, SO_MARK)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ss")), "/usr/bin/ss is missing");
    }

    @AfterEach
    void closeServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static ConnectOptions source(String bindIf, int fwmark) {
        return new ConnectOptions(Optional.empty(), OptionalInt.empty(), Optional.empty(),
                OptionalInt.empty(), Optional.of(bindIf), OptionalInt.of(fwmark));
    }

    private static String ss(int serverPort) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/ss", "-tnHe", "state", "established",
                "dst", "127.0.0.1:" + serverPort).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void theProbeSocketIsBoundToTheInterfaceAndCarriesTheMark() throws Exception {
        CountDownLatch seen = new CountDownLatch(1);
        server = LoopbackServer.start(s -> {
            server.readHead(s);
            seen.await(10, TimeUnit.SECONDS);
            LoopbackServer.write(s, "HTTP/1.0 200 OK\r\n\r\n");
        });
        HttpCheckSpec spec = new HttpCheckSpec(
                new CheckTiming(Duration.ofSeconds(5), Duration.ofSeconds(5), 1,
                        Duration.ofSeconds(1), Duration.ZERO, false, 0, 0),
                source("lo", 42), HttpProtocol.HTTP_1_0, Optional.empty(),
                List.of(UrlSpec.of("/")), Optional.empty());
        CompletableFuture<CheckResult> check = new HttpChecker(transport.get(), spec,
                server.address()).check().toCompletableFuture();
        await().until(() -> server.requests.size() == 1);
        String line = ss(server.address().getPort());
        seen.countDown();
        assertTrue(line.contains("127.0.0.1]%lo:") || line.contains("127.0.0.1%lo:"), line);
        assertTrue(line.contains("fwmark:0x2a"), line);
        assertEquals("HTTP status 200", check.get(10, TimeUnit.SECONDS).reason());
    }

    @Test
    void anInterfaceThatDoesNotExistFailsTheProbeNamingIt() throws Exception {
        server = LoopbackServer.start(s -> s.getInputStream().read());
        CheckResult r = run(new TcpChecker(transport.get(),
                new TcpCheckSpec(Fixtures.timing(), source("lvsdnone0", 1)), server.address()));
        assertFalse(r.ok());
        assertTrue(r.reason().startsWith("bind_if lvsdnone0: ")
                && r.reason().contains("No such device"), r.reason());
    }
}
