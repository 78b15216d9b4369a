package org.lvsd.healthcheck.schedule;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.check.CheckLimits;
import org.lvsd.healthcheck.check.CheckTransport;
import org.lvsd.healthcheck.check.NettyCheckerFactory;
import org.lvsd.healthcheck.decision.HealthEvent;
import org.lvsd.healthcheck.decision.HealthEvent.QuorumLost;
import org.lvsd.healthcheck.decision.HealthEvent.RealServerDown;
import org.lvsd.healthcheck.decision.PoolMembership;
import org.lvsd.healthcheck.decision.PoolMembership.Member;
import org.lvsd.healthcheck.spec.CheckTiming;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.healthcheck.spec.RealServerSpec;
import org.lvsd.healthcheck.spec.TcpCheckSpec;
import org.lvsd.healthcheck.spec.VirtualServerSpec;

/** PoolMonitor with the real scheduler and TCP checkers against loopback listeners. */
class PoolMonitorNetworkTest {

    private static final CheckTiming FAST = new CheckTiming(Duration.ofMillis(300),
            Duration.ofSeconds(1), 0, Duration.ofMillis(100), Duration.ZERO, false, 0, 0);

    private static RealServerSpec tcp(int port) {
        return RealServerSpec.of(new RealServerId(InetAddress.getLoopbackAddress(), port), 2,
                List.of(new TcpCheckSpec(FAST, ConnectOptions.none())));
    }

    @Test
    void closedListenerTakesItsServerDownAndThenTheQuorum() throws Exception {
        ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor();
        List<HealthEvent> events = new CopyOnWriteArrayList<>();
        ServerSocket a = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ServerSocket b = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        RealServerId idA = new RealServerId(InetAddress.getLoopbackAddress(), a.getLocalPort());
        RealServerId idB = new RealServerId(InetAddress.getLoopbackAddress(), b.getLocalPort());
        PoolMonitor monitor = null;
        try (CheckTransport transport = CheckTransport.create(1, CheckLimits.defaults())) {
            monitor = PoolMonitor.start(VirtualServerSpec.of("vs",
                            List.of(tcp(a.getLocalPort()), tcp(b.getLocalPort()))),
                    new NettyCheckerFactory(transport),
                    new ExecutorScheduler(exec, Clock.systemUTC()), new Random(1), events::addAll);
            PoolMonitor m = monitor;
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                    .until(events::isEmpty);
            assertEquals(new PoolMembership("vs", List.of(new Member(idA, 2, false),
                    new Member(idB, 2, false))), m.membership());
            b.close();
            await().atMost(Duration.ofSeconds(3)).until(() -> !events.isEmpty());
            assertEquals(List.of(new RealServerDown("vs", idB, "TCP_CHECK: connection refused",
                    Optional.empty())), events);
            assertEquals(new PoolMembership("vs", List.of(new Member(idA, 2, false))),
                    m.membership());
            a.close();
            await().atMost(Duration.ofSeconds(3)).until(() -> events.size() == 3);
            assertEquals(List.of(
                    new RealServerDown("vs", idB, "TCP_CHECK: connection refused",
                            Optional.empty()),
                    new RealServerDown("vs", idA, "TCP_CHECK: connection refused",
                            Optional.empty()),
                    new QuorumLost("vs", 0, 1, "alive weight 0 < 1", Optional.empty())), events);
        } finally {
            if (monitor != null) {
                monitor.stop();
            }
            a.close();
            b.close();
            exec.shutdownNow();
            exec.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
