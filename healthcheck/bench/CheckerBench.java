import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.check.CheckLimits;
import org.lvsd.healthcheck.check.CheckTransport;
import org.lvsd.healthcheck.check.NettyCheckerFactory;
import org.lvsd.healthcheck.schedule.ExecutorScheduler;
import org.lvsd.healthcheck.schedule.PoolMonitor;
import org.lvsd.healthcheck.spec.CheckTiming;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.healthcheck.spec.RealServerSpec;
import org.lvsd.healthcheck.spec.TcpCheckSpec;
import org.lvsd.healthcheck.spec.VirtualServerSpec;

/**
 * Benchmark harness (not a test): N real servers, each a TCP listener on its own 127.x.y.z
 * address, checked by TCP_CHECK through PoolMonitor on one CheckTransport. Prints checks per
 * second, latency percentiles, transitions, heap and descriptor counts once per second.
 * Run with healthcheck/bench/run.sh; needs about N + maxInFlight + 100 file descriptors.
 *
 * Arguments: servers (10000) delayLoopMs (1000) seconds (30) maxInFlight (512) threads (2)
 */
public final class CheckerBench {

    public static void main(String[] args) throws Exception {
        int servers = arg(args, 0, 10_000);
        Duration loop = Duration.ofMillis(arg(args, 1, 1000));
        int seconds = arg(args, 2, 30);
        int maxInFlight = arg(args, 3, 512);
        int threads = arg(args, 4, 2);
        int port = 18080;

        EventLoopGroup serverGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        List<Channel> listeners = new ArrayList<>();
        List<PoolMonitor> monitors = new ArrayList<>();
        AtomicLong checks = new AtomicLong();
        AtomicLong transitions = new AtomicLong();
        ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
        try (CheckTransport transport = CheckTransport.create(threads,
                new CheckLimits(maxInFlight, 1 << 20))) {
            List<RealServerSpec> all = new ArrayList<>();
            CheckTiming timing = new CheckTiming(loop, Duration.ofSeconds(3), 1,
                    Duration.ofSeconds(1), loop, false, 0, 0);
            for (int i = 0; i < servers; i++) {
                int hostsPer24 = 250;
                InetAddress addr = InetAddress.getByAddress(new byte[] {127,
                        (byte) (1 + i / (hostsPer24 * 256)), (byte) (i / hostsPer24 % 256),
                        (byte) (1 + i % hostsPer24)});
                listeners.add(new ServerBootstrap().group(serverGroup)
                        .channel(NioServerSocketChannel.class)
                        .childHandler(new ChannelInitializer<Channel>() {
                            @Override
                            protected void initChannel(Channel ch) {
                                ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                                    @Override
                                    public void channelActive(ChannelHandlerContext ctx) {
                                        ctx.close();
                                    }
                                });
                            }
                        })
                        .bind(new InetSocketAddress(addr, port)).sync().channel());
                all.add(RealServerSpec.of(new RealServerId(addr, port), 1,
                        List.of(new TcpCheckSpec(timing, ConnectOptions.none()))));
            }
            NettyCheckerFactory real = new NettyCheckerFactory(transport);
            ExecutorScheduler scheduler = transport.scheduler(Clock.systemUTC());
            Random random = new Random(1);
            for (int v = 0; v * 100 < servers; v++) {
                List<RealServerSpec> pool = all.subList(v * 100, Math.min(servers, v * 100 + 100));
                monitors.add(PoolMonitor.start(VirtualServerSpec.of("vs" + v, pool),
                        (rs, spec) -> counting(real.create(rs, spec), checks, latenciesMicros),
                        scheduler, random, events -> transitions.addAndGet(events.size())));
            }
            long last = 0;
            for (int s = 1; s <= seconds; s++) {
                Thread.sleep(1000);
                long now = checks.get();
                long[] lat = latenciesMicros.stream().mapToLong(Long::longValue).toArray();
                latenciesMicros.clear();
                Arrays.sort(lat);
                Runtime rt = Runtime.getRuntime();
                System.out.printf("t=%ds checks/s=%d p50=%dus p99=%dus transitions=%d "
                                + "inFlight=%d heapMiB=%d fds=%d%n", s, now - last, pct(lat, 50),
                        pct(lat, 99), transitions.get(), transport.inFlight(),
                        (rt.totalMemory() - rt.freeMemory()) >> 20, fds());
                last = now;
            }
        } finally {
            monitors.forEach(PoolMonitor::stop);
            listeners.forEach(Channel::close);
            serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static Checker counting(Checker c, AtomicLong checks,
                                    ConcurrentLinkedQueue<Long> latencies) {
        return () -> c.check().whenComplete((r, e) -> {
            checks.incrementAndGet();
            if (r != null) {
                latencies.add(r.took().toNanos() / 1000);
            }
        });
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1,
                sorted.length * p / 100)];
    }

    private static int fds() {
        String[] names = new File("/proc/self/fd").list();
        return names == null ? -1 : names.length;
    }

    private static int arg(String[] args, int i, int dflt) {
        return args.length > i ? Integer.parseInt(args[i]) : dflt;
    }
}
