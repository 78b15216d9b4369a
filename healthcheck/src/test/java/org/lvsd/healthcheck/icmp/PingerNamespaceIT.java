package org.lvsd.healthcheck.icmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Silent hosts, the outstanding bound and the unprivileged ping socket, in a namespace. */
class PingerNamespaceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private TestNamespace ns;

    @BeforeEach
    void namespace() throws Exception {
        String reason = TestNamespace.unavailable();
        assumeTrue(reason == null, reason);
        ns = TestNamespace.create("pinger");
    }

    @AfterEach
    void cleanUp() throws Exception {
        timer.shutdownNow();
        if (ns != null) {
            ns.close();
        }
    }

    private static EchoResult await(CompletableFuture<EchoResult> f) throws Exception {
        return f.get(TIMEOUT.toMillis() + 2000, TimeUnit.MILLISECONDS);
    }

    private static CompletableFuture<EchoResult> echo(Pinger p, String address) throws Exception {
        return p.echo(InetAddress.getByName(address), TIMEOUT).toCompletableFuture();
    }

    @Test
    void unprivilegedPingSocketIsUsedWhenPingGroupRangeAllowsIt() throws Exception {
        ns.exec("sysctl", "-q", "-w", "net.ipv4.ping_group_range=0 0");
        try (Pinger pinger = new Pinger(timer, 8)) {
            ns.inside(() -> {
                assertEquals("echo reply", await(echo(pinger, "127.0.0.1")).reason());
                assertEquals("echo reply", await(echo(pinger, "::1")).reason());
                return null;
            });
            assertEquals(EchoSocket.Kind.DATAGRAM, pinger.kind(IcmpFamily.INET));
            assertEquals(EchoSocket.Kind.DATAGRAM, pinger.kind(IcmpFamily.INET6));
            assertEquals(new EchoResult(false, "no echo reply within 1 s", Duration.ZERO),
                    withoutTime(await(echo(pinger, TestNamespace.SILENT_V4))));
        }
    }

    @Test
    void silentHostsFailAtTheTimeoutAndTheBoundRefusesAtOnce() throws Exception {
        try (Pinger pinger = new Pinger(timer, 1)) {
            ns.inside(() -> {
                // ping_group_range is "1 0" in a new namespace: root gets raw sockets
                assertEquals("echo reply", await(echo(pinger, "127.0.0.1")).reason());
                assertEquals("echo reply", await(echo(pinger, "::1")).reason());
                return null;
            });
            assertEquals(EchoSocket.Kind.RAW, pinger.kind(IcmpFamily.INET));
            assertEquals(EchoSocket.Kind.RAW, pinger.kind(IcmpFamily.INET6));
            for (String silent : new String[] {TestNamespace.SILENT_V4, TestNamespace.SILENT_V6}) {
                CompletableFuture<EchoResult> waiting = echo(pinger, silent);
                EchoResult refused = await(echo(pinger, "::1"));
                assertEquals("too many echo requests outstanding (1)", refused.reason(), silent);
                EchoResult r = await(waiting);
                assertEquals(new EchoResult(false, "no echo reply within 1 s", Duration.ZERO),
                        withoutTime(r), silent);
                assertTrue(r.took().compareTo(TIMEOUT) >= 0, silent + " took " + r.took());
                assertTrue(r.took().compareTo(TIMEOUT.plusMillis(500)) < 0,
                        silent + " took " + r.took());
                assertEquals(0, pinger.outstanding());
            }
        }
    }

    private static EchoResult withoutTime(EchoResult r) {
        return new EchoResult(r.replied(), r.reason(), Duration.ZERO);
    }
}
