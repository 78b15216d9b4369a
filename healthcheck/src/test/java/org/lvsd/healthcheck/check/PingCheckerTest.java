package org.lvsd.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lvsd.healthcheck.check.Fixtures.run;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.PingCheckSpec;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.healthcheck.spec.RealServerSpec;

/** PING_CHECK through the factory, on loopback (an ICMP socket must be allowed here). */
class PingCheckerTest {

    private static Checker checker(NettyCheckerFactory factory, String address,
                                   ConnectOptions connect) throws Exception {
        PingCheckSpec spec = new PingCheckSpec(Fixtures.timing(), connect);
        RealServerSpec server = RealServerSpec.of(
                new RealServerId(InetAddress.getByName(address), 80), 1, List.of(spec));
        return factory.create(server, spec);
    }

    private static void assumeIcmp(CheckResult r) {
        assumeTrue(!r.reason().startsWith("ICMP socket unavailable"), r.reason());
    }

    private static void assertEchoReply(CheckResult r) {
        assertEquals(CheckResult.up("echo reply", r.took()), r);
        assertTrue(r.took().compareTo(Duration.ZERO) > 0);
        assertTrue(r.took().compareTo(Fixtures.TIMEOUT) < 0);
    }

    @Test
    void loopbackAnswersOverIpv4AndIpv6AndDescriptorsReturnToBaseline() throws Exception {
        CheckTransport warm = CheckTransport.create(1, CheckLimits.defaults());
        NettyCheckerFactory warmFactory = new NettyCheckerFactory(warm);
        assumeIcmp(run(checker(warmFactory, "127.0.0.1", ConnectOptions.none())));
        warm.close();
        int baseline = FileDescriptors.open();
        try (CheckTransport transport = CheckTransport.create(1, CheckLimits.defaults())) {
            NettyCheckerFactory factory = new NettyCheckerFactory(transport);
            for (int i = 0; i < 3; i++) {
                assertEchoReply(run(checker(factory, "127.0.0.1", ConnectOptions.none())));
                assertEchoReply(run(checker(factory, "::1", ConnectOptions.none())));
            }
            assertEquals(0, transport.inFlight());
        }
        assertEquals(baseline, FileDescriptors.open());
    }

    @Test
    void connectIpOverridesTheRealServerAddress() throws Exception {
        try (CheckTransport transport = CheckTransport.create(1, CheckLimits.defaults())) {
            NettyCheckerFactory factory = new NettyCheckerFactory(transport);
            // 192.0.2.1 (TEST-NET-1) is never probed: the echo goes to connect_ip ::1
            ConnectOptions toLoopback = new ConnectOptions(
                    Optional.of(InetAddress.getByName("::1")), OptionalInt.empty(),
                    Optional.empty());
            CheckResult r = run(checker(factory, "192.0.2.1", toLoopback));
            assumeIcmp(r);
            assertEchoReply(r);
        }
    }
}
