package org.lvsd.ipvs.userspace;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Netty's epoll transport where the native library loads, NIO otherwise. Only epoll can set
 * IP_FREEBIND (bind a virtual address before it is on an interface) and IP_TRANSPARENT.
 */
final class Transport {
    private final boolean epoll;
    private final int threads;
    private final EventLoopGroup group;

    private Transport(boolean epoll, int threads) {
        this.epoll = epoll;
        this.threads = threads;
        this.group = new MultiThreadIoEventLoopGroup(threads,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    /**
     * Epoll if available; {@code threads} 0 for one per core: a connection's two sockets share one
     * loop, so more loops than cores only add context switches.
     */
    static Transport create(int threads) {
        return new Transport(Epoll.isAvailable(), threads != 0 ? threads : Runtime.getRuntime().availableProcessors());
    }

    boolean epoll() {
        return epoll;
    }

    EventLoopGroup group() {
        return group;
    }

    Class<? extends ServerChannel> serverChannel() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** A new, unregistered TCP socket channel of this transport. */
    Channel newSocketChannel() {
        return epoll ? new EpollSocketChannel() : new NioSocketChannel();
    }

    Class<? extends Channel> datagramChannel() {
        return epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    /**
     * The groups a TCP service listens on, one listening socket each: under epoll with several
     * loops, every loop gets its own SO_REUSEPORT socket, so the kernel spreads new connections
     * over the loops by flow hash and each connection stays on the loop that accepted it (one
     * socket accepting for all loops would make its loop the bottleneck for new connections).
     */
    List<EventLoopGroup> listenerGroups() {
        if (!reusePort()) {
            return List.of(group);
        }
        List<EventLoopGroup> loops = new ArrayList<>(threads);
        group.forEach(e -> loops.add((EventLoop) e));
        return loops;
    }

    /** SO_REUSEPORT on a listening socket when {@link #listenerGroups} gives one per loop. */
    void reusePort(ServerBootstrap b) {
        if (reusePort()) {
            b.option(EpollChannelOption.SO_REUSEPORT, true);
        }
    }

    private boolean reusePort() {
        return epoll && threads > 1;
    }

    /** IP_FREEBIND on a listening socket (epoll only; NIO binds addresses that exist). */
    void freebind(ServerBootstrap b) {
        if (epoll) {
            b.option(EpollChannelOption.IP_FREEBIND, true);
        }
    }

    /** IP_FREEBIND on a datagram socket (epoll only). */
    void freebind(Bootstrap b) {
        if (epoll) {
            b.option(EpollChannelOption.IP_FREEBIND, true);
        }
    }

    /** IP_TRANSPARENT, so the socket may bind a foreign (the client's) address. */
    void transparent(Bootstrap b) {
        if (!epoll) {
            throw new IllegalStateException("IP_TRANSPARENT needs the epoll transport");
        }
        b.option(EpollChannelOption.IP_TRANSPARENT, true);
    }

    /** IP_TRANSPARENT on a TCP socket not yet connected. */
    void transparent(Channel ch) {
        if (!epoll) {
            throw new IllegalStateException("IP_TRANSPARENT needs the epoll transport");
        }
        ch.config().setOption(EpollChannelOption.IP_TRANSPARENT, true);
    }

    void shutdown() {
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
