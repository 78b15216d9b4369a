import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.decision.HealthEvent;
import org.lvsd.healthcheck.check.CheckLimits;
import org.lvsd.healthcheck.check.CheckTransport;
import org.lvsd.healthcheck.check.NettyCheckerFactory;
import org.lvsd.healthcheck.schedule.ExecutorScheduler;
import org.lvsd.healthcheck.schedule.PoolMonitor;
import org.lvsd.healthcheck.spec.CheckTiming;
import org.lvsd.healthcheck.spec.CheckerSpec;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.HttpCheckSpec;
import org.lvsd.healthcheck.spec.HttpCheckSpec.HttpProtocol;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.healthcheck.spec.RealServerSpec;
import org.lvsd.healthcheck.spec.TcpCheckSpec;
import org.lvsd.healthcheck.spec.UrlSpec;
import org.lvsd.healthcheck.spec.VirtualServerSpec;

/**
 * The lvsd side of vs-haproxy.sh (not a test): N real servers at BenchAddresses.of(i):port,
 * the first half with TCP_CHECK, the second half with HTTP_GET url "/" (status 200-299), all
 * with delay_loop 1 s, connect_timeout 1 s, retry 0 (one failure takes a server down, like
 * haproxy "fall 1"), warmup 1 s; pools of 100 real servers, one CheckTransport. Prints
 * "down INDEX EPOCH_MS REASON" for every real server that goes down, and once per second
 * "stat t=S checks=C heapUsedMiB=H inFlight=F". Runs for the given seconds, then exits.
 *
 * Arguments: servers port seconds maxInFlight threads
 */
public final class LvsdChecks {

    public static void main(String[] args) throws Exception {
        int servers = Integer.parseInt(args[0]);
        int port = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int maxInFlight = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        Duration second = Duration.ofSeconds(1);
        CheckTiming timing = new CheckTiming(second, second, 0, second, second, false, 0, 0);
        List<RealServerSpec> all = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            CheckerSpec spec = i < servers / 2
                    ? new TcpCheckSpec(timing, ConnectOptions.none())
                    : new HttpCheckSpec(timing, ConnectOptions.none(), HttpProtocol.HTTP_1_0,
                            Optional.empty(), List.of(UrlSpec.of("/")), Optional.empty());
            all.add(RealServerSpec.of(new RealServerId(BenchAddresses.of(i), port), 1,
                    List.of(spec)));
        }
        AtomicLong checks = new AtomicLong();
        List<PoolMonitor> monitors = new ArrayList<>();
        try (CheckTransport transport = CheckTransport.create(threads,
                new CheckLimits(maxInFlight, 1 << 20))) {
            // the checks' timers on the loops that run them, as the daemon's (LvsStack)
            NettyCheckerFactory factory = new NettyCheckerFactory(transport);
            ExecutorScheduler scheduler = transport.scheduler(Clock.systemUTC());
            Random random = new Random(1);
            for (int v = 0; v * 100 < servers; v++) {
                int base = v * 100;
                List<RealServerSpec> pool = all.subList(base, Math.min(servers, base + 100));
                monitors.add(PoolMonitor.start(VirtualServerSpec.of("vs" + v, pool),
                        (rs, spec) -> counting(factory.create(rs, spec), checks), scheduler,
                        random, events -> report(events, all)));
            }
            for (int s = 1; s <= seconds; s++) {
                Thread.sleep(1000);
                MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                System.out.printf("stat t=%d checks=%d heapUsedMiB=%d heapCommittedMiB=%d "
                                + "inFlight=%d%n", s, checks.get(), heap.getUsed() >> 20,
                        heap.getCommitted() >> 20, transport.inFlight());
            }
            monitors.forEach(PoolMonitor::discard);
        }
    }

    private static void report(List<HealthEvent> events, List<RealServerSpec> all) {
        long now = System.currentTimeMillis();
        for (HealthEvent e : events) {
            if (e instanceof HealthEvent.RealServerDown d) {
                int index = indexOf(d.server(), all);
                System.out.println("down " + index + " " + now + " " + d.reason());
            }
        }
    }

    private static int indexOf(RealServerId id, List<RealServerSpec> all) {
        byte[] a = id.address().getAddress();
        int i = ((a[1] & 0xFF) - 1) * 64000 + (a[2] & 0xFF) * 250 + (a[3] & 0xFF) - 1;
        return all.get(i).id().equals(id) ? i : -1;
    }

    private static Checker counting(Checker c, AtomicLong checks) {
        return () -> c.check().whenComplete((r, e) -> checks.incrementAndGet());
    }
}
