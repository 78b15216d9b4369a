package org.lvsd.healthcheck.check;

import static org.lvsd.healthcheck.check.Fixtures.run;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.TcpCheckSpec;

/**
 * The setup the loopback checker tests share: one transport per test class (64 probes, 1 MiB
 * responses), warmed up by one probe before any descriptor baseline is taken, the test's
 * {@link #server} closed after each test and every descriptor it held given back.
 */
abstract class LoopbackProbeFixture {

    @RegisterExtension
    static final SharedTransport transport = new SharedTransport(new CheckLimits(64, 1 << 20));
    /**
     * Every test must give back its descriptors once its server is gone, except the sockets the
     * transport pools for later probes.
     */
    @RegisterExtension
    final DescriptorBaseline descriptors =
            new DescriptorBaseline(0, () -> transport.get().pooledSockets());
    /** The test's server, if it started one: closed after the test. */
    LoopbackServer server;

    @BeforeAll
    static void warmUp() throws Exception {
        // one probe first: loads the transport's classes and lazily opened descriptors
        run(new TcpChecker(transport.get(), new TcpCheckSpec(Fixtures.timing(),
                ConnectOptions.none()), Fixtures.closedPort()));
    }

    @AfterEach
    void closeServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }
}
