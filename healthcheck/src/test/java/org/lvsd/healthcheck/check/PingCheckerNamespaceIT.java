package org.lvsd.healthcheck.check;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lvsd.healthcheck.check.Fixtures.run;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.icmp.TestNamespace;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.PingCheckSpec;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.healthcheck.spec.RealServerSpec;

/** PING_CHECK against real servers that never answer, from inside a namespace of our own. */
class PingCheckerNamespaceIT {

    private static CheckResult ping(NettyCheckerFactory factory, String address)
            throws Exception {
        PingCheckSpec spec = new PingCheckSpec(Fixtures.timing(), ConnectOptions.none());
        return run(factory.create(RealServerSpec.of(
                new RealServerId(InetAddress.getByName(address), 0), 1, List.of(spec)), spec));
    }

    @Test
    void silentRealServersAreDownAtConnectTimeoutAndDescriptorsReturnToBaseline()
            throws Exception {
        String reason = TestNamespace.unavailable();
        assumeTrue(reason == null, reason);
        try (CheckTransport warm = CheckTransport.create(1, CheckLimits.defaults())) {
            // loads epoll, JNA and the random sources, which stay open for good
            assertEquals("echo reply", ping(new NettyCheckerFactory(warm), "::1").reason());
        }
        try (TestNamespace ns = TestNamespace.create("pingcheck")) {
            int baseline = FileDescriptors.open();
            try (CheckTransport transport = CheckTransport.create(1, CheckLimits.defaults())) {
                NettyCheckerFactory factory = new NettyCheckerFactory(transport);
                // the shared sockets open on first use: open both inside the namespace
                ns.inside(() -> {
                    assertEquals("echo reply", ping(factory, "127.0.0.1").reason());
                    assertEquals("echo reply", ping(factory, "::1").reason());
                    return null;
                });
                for (String silent : List.of(TestNamespace.SILENT_V4, TestNamespace.SILENT_V6)) {
                    CheckResult r = ping(factory, silent);
                    assertEquals(CheckResult.down("no echo reply within 1 s", r.took()), r);
                    assertTrue(r.took().compareTo(Fixtures.TIMEOUT) >= 0, silent + " " + r);
                    assertTrue(r.took().compareTo(Fixtures.TIMEOUT.plus(Duration.ofMillis(500)))
                            < 0, silent + " " + r);
                }
                assertEquals(0, transport.inFlight());
            }
            // the ip(8) / nft(8) children's pipes may still be closing when baseline is taken
            await().atMost(Duration.ofSeconds(5)).until(() -> FileDescriptors.open() <= baseline);
        }
    }
}
