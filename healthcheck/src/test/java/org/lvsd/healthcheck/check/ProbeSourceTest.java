package org.lvsd.healthcheck.check;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.healthcheck.check.Fixtures.run;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.TcpCheckSpec;

/** {@code bind_port} and {@code bindto}: the server sees the configured source. */
class ProbeSourceTest extends LoopbackProbeFixture {

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void bindPortIsTheSourcePortOfEveryProbe() throws Exception {
        List<String> sources = new CopyOnWriteArrayList<>();
        server = LoopbackServer.start(s -> {
            sources.add(s.getInetAddress().getHostAddress() + ":" + s.getPort());
            s.getInputStream().read();
        });
        int port = freePort();
        ConnectOptions from = new ConnectOptions(Optional.empty(), OptionalInt.empty(),
                Optional.of(InetAddress.getByName("127.0.0.1")), OptionalInt.of(port),
                Optional.empty(), OptionalInt.empty());
        TcpChecker checker = new TcpChecker(transport.get(),
                new TcpCheckSpec(Fixtures.timing(), from), server.address());
        for (int i = 0; i < 3; i++) {
            CheckResult r = run(checker);
            assertTrue(r.ok(), r::toString);
        }
        await().until(() -> sources.size() == 3);
        assertEquals(List.of("127.0.0.1:" + port, "127.0.0.1:" + port, "127.0.0.1:" + port),
                sources);
    }

    @Test
    void bindPortWithoutBindtoBindsTheWildcardAddress() throws Exception {
        List<Integer> ports = new CopyOnWriteArrayList<>();
        server = LoopbackServer.start(s -> {
            ports.add(s.getPort());
            s.getInputStream().read();
        });
        int port = freePort();
        ConnectOptions from = new ConnectOptions(Optional.empty(), OptionalInt.empty(),
                Optional.empty(), OptionalInt.of(port), Optional.empty(), OptionalInt.empty());
        CheckResult r = run(new TcpChecker(transport.get(),
                new TcpCheckSpec(Fixtures.timing(), from), server.address()));
        assertTrue(r.ok(), r::toString);
        await().until(() -> ports.size() == 1);
        assertEquals(List.of(port), ports);
    }
}
