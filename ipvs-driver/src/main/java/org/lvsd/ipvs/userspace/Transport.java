package org.lvsd.ipvs.userspace;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.util.concurrent.ThreadAwareExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The forwarder's event loops, on Netty's epoll transport only: the TCP relay uses its bare
 * sockets (LinuxSocket) and registrations, which exist on no other transport, and IP_FREEBIND and
 * IP_TRANSPARENT need it too. lvsd is Linux-only and bundles the x86_64 native library, so a
 * missing native is a packaging error, reported with its cause when the forwarder starts.
 */
final class Transport {
    private final List<IoEventLoop> loops;
    private final EventLoopGroup group;
    /** Each loop's handler, keyed by the loop it was made for. */
    private final Map<ThreadAwareExecutor, CpuTimedIoHandler> handlers = new ConcurrentHashMap<>();

    private Transport(int threads) {
        this.group = new MultiThreadIoEventLoopGroup(threads,
                CpuTimedIoHandler.wrap(EpollIoHandler.newFactory(), handlers::put));
        List<IoEventLoop> all = new ArrayList<>(threads);
        group.forEach(e -> all.add((IoEventLoop) e));
        this.loops = List.copyOf(all);
    }

    /**
     * {@code threads} 0 for one loop per core: a connection's two sockets share one loop, so more
     * loops than cores only add context switches. Throws if the epoll native library is missing.
     */
    static Transport create(int threads) {
        if (!Epoll.isAvailable()) {
            throw new IllegalStateException("the userspace forwarder needs Netty's epoll transport (Linux, "
                    + "netty-transport-native-epoll): " + Epoll.unavailabilityCause(), Epoll.unavailabilityCause());
        }
        return new Transport(threads != 0 ? threads : Runtime.getRuntime().availableProcessors());
    }

    EventLoopGroup group() {
        return group;
    }

    /**
     * Every event loop; a TCP service listens on each: with several loops every loop has its own
     * SO_REUSEPORT socket, so the kernel spreads new connections over the loops by flow hash; the
     * accepting loop keeps a connection unless another loop has fewer ({@link Forwarding#lessLoaded}).
     */
    List<IoEventLoop> loops() {
        return loops;
    }

    /** The CPU time of {@code loop}, one of {@link #loops()}, so far (as of its latest wait for events). */
    Duration cpu(IoEventLoop loop) {
        return Duration.ofNanos(Math.max(0, handlers.get(loop).cpuNanos()));
    }

    /** SO_REUSEPORT on the listening sockets: one per loop when there are several loops. */
    boolean reusePort() {
        return loops.size() > 1;
    }

    Class<EpollDatagramChannel> datagramChannel() {
        return EpollDatagramChannel.class;
    }

    /** IP_FREEBIND on a datagram socket. */
    void freebind(Bootstrap b) {
        b.option(EpollChannelOption.IP_FREEBIND, true);
    }

    /** IP_TRANSPARENT, so the datagram socket may bind a foreign (the client's) address. */
    void transparent(Bootstrap b) {
        b.option(EpollChannelOption.IP_TRANSPARENT, true);
    }

    void shutdown() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
