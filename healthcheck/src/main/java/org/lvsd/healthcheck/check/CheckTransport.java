package org.lvsd.healthcheck.check;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.icmp.Pinger;
import org.lvsd.healthcheck.schedule.ExecutorScheduler;
import org.lvsd.healthcheck.spec.TlsOptions;

/**
 * What every checker shares: one Netty event loop group (epoll when available, NIO otherwise),
 * the in-flight limiter, the limits, a cache of TLS client contexts and one small thread for
 * the few blocking calls (process start, file read). Close it to release everything.
 *
 * <p>The checks' own timers can run on the same loops ({@link #scheduler}): a probe started by
 * a timer that fires on one of the loops stays on that loop ({@link #loop}), so scheduling a
 * check costs no hand-off to another thread and no timer thread. On epoll each loop keeps the
 * TCP sockets of its bare probes for reuse ({@link ProbeSocketPool}).
 */
public final class CheckTransport implements AutoCloseable {

    private final EventLoopGroup group;
    /** The bare probes' sockets of each loop, keyed by the loop. */
    private final Map<EventLoop, ProbeSocketPool> socketPools;
    private final boolean epoll;
    private final CheckLimits limits;
    private final AsyncLimiter limiter;
    private final ExecutorService blocking;
    private final Map<TlsOptions, SslContext> tlsContexts = new ConcurrentHashMap<>();
    private Pinger pinger;

    private CheckTransport(int threads, CheckLimits limits, boolean useEpoll,
                           Duration socketIdle) {
        this.epoll = useEpoll;
        IoHandlerFactory io = useEpoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(threads,
                new DefaultThreadFactory("lvsd-check", true), io);
        Map<EventLoop, ProbeSocketPool> pools = new HashMap<>();
        for (EventExecutor e : group) {
            pools.put((EventLoop) e, new ProbeSocketPool((IoEventLoop) e, socketIdle, limits.maxInFlight()));
        }
        this.socketPools = Map.copyOf(pools);
        this.limits = limits;
        this.limiter = new AsyncLimiter(limits.maxInFlight(), group);
        this.blocking = Executors.newSingleThreadExecutor(
                new DefaultThreadFactory("lvsd-check-blocking", true));
    }

    /** A transport with {@code threads} event loops; epoll when the native library loads. */
    public static CheckTransport create(int threads, CheckLimits limits) {
        return create(threads, limits, ProbeSocketPool.IDLE);
    }

    /** With bare probes' sockets closed after {@code socketIdle} unused (for tests). */
    static CheckTransport create(int threads, CheckLimits limits, Duration socketIdle) {
        return new CheckTransport(threads, limits, Epoll.isAvailable(), socketIdle);
    }

    /** A transport forced onto NIO (for hosts or tests without epoll). */
    public static CheckTransport createNio(int threads, CheckLimits limits) {
        return new CheckTransport(threads, limits, false, ProbeSocketPool.IDLE);
    }

    public boolean epoll() {
        return epoll;
    }

    public CheckLimits limits() {
        return limits;
    }

    EventLoopGroup group() {
        return group;
    }

    /**
     * A new, unregistered TCP channel. Netty's own connect timer is off (0): the probe's
     * deadline bounds the connect, so a probe arms one timer, not two.
     */
    SocketChannel newSocketChannel() {
        SocketChannel ch = epoll ? new EpollSocketChannel() : new NioSocketChannel();
        ch.config().setConnectTimeoutMillis(0);
        return ch;
    }

    /** A new, unregistered UDP channel. */
    DatagramChannel newDatagramChannel() {
        return epoll ? new EpollDatagramChannel() : new NioDatagramChannel();
    }

    /**
     * The loop a probe starts on: the caller's own when it runs on one of this transport's
     * loops (the probe then starts in place), else the next one in turn.
     */
    EventLoop loop() {
        for (EventLoop l : socketPools.keySet()) {
            if (l.inEventLoop()) {
                return l;
            }
        }
        return group.next();
    }

    /** The socket pool of {@code loop}, one of this transport's loops; epoll only. */
    ProbeSocketPool socketPool(EventLoop loop) {
        ProbeSocketPool pool = socketPools.get(loop);
        if (pool == null) {
            throw new IllegalArgumentException("not a loop of this transport: " + loop);
        }
        return pool;
    }

    /** Open sockets the pools hold for later probes (descriptors no probe uses now). */
    int pooledSockets() {
        int n = 0;
        for (ProbeSocketPool p : socketPools.values()) {
            n += p.held();
        }
        return n;
    }

    /**
     * A scheduler whose time slots fire on this transport's event loops, each slot on one loop
     * in turn, so that the checks of a slot start on the loop that runs them. Nothing it runs
     * may block (a blocking task stalls that loop's probes); the transport's close ends it.
     */
    public ExecutorScheduler scheduler(Clock clock) {
        return new ExecutorScheduler(group, clock);
    }

    ExecutorService blocking() {
        return blocking;
    }

    SslContext tlsContext(TlsOptions options) {
        return tlsContexts.computeIfAbsent(options, TlsContexts::client);
    }

    /** The shared ICMP echo sockets, opened on first use (PING_CHECK). */
    synchronized Pinger pinger() {
        if (pinger == null) {
            pinger = new Pinger(group,
                    Math.min(limits.maxInFlight(), Pinger.MAX_OUTSTANDING_LIMIT));
        }
        return pinger;
    }

    /** Probes running now. */
    public int inFlight() {
        return limiter.running();
    }

    /** Runs a probe under the in-flight limit. */
    CompletionStage<CheckResult> limited(Supplier<CompletionStage<CheckResult>> probe) {
        return limiter.submit(probe);
    }

    /** Shuts the event loops and the blocking thread down and waits up to 5 s. */
    @Override
    public void close() {
        synchronized (this) {
            if (pinger != null) {
                pinger.close();
            }
        }
        blocking.shutdownNow();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        try {
            blocking.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
