package org.lvsd.healthcheck.check;

import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.epoll.LinuxSocket;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.spec.ConnectOptions;

/**
 * A TCP probe on the epoll transport without a Netty channel: a non-blocking socket of the
 * loop's {@link ProbeSocketPool} (registered once, edge-triggered, for EPOLLIN and EPOLLOUT),
 * TCP_QUICKACK off, connect(2); when the connect finishes (EPOLLOUT without EPOLLERR or EPOLLHUP;
 * after those, getsockopt(SO_ERROR) gives its error) the {@link Exchange} takes over: TCP_CHECK
 * passes at once ({@link #CONNECT_ONLY}), a plain HTTP_GET writes its request and reads the
 * status line ({@link HttpStatusExchange}). The session's end gives the socket back to the pool,
 * which disconnects it: the server gets a reset. An EpollSocketChannel costs about sixteen
 * system calls a probe (TCP_NODELAY, local and peer address look-ups, read interest, an SO_LINGER
 * look-up at close, an epoll_ctl per interest change) that a probe does not need.
 *
 * <p>TCP_QUICKACK off before the connect (tcp(7): the socket leaves quick-ack mode, so the
 * kernel delays the ACK that ends the handshake instead of sending it at once; a disconnect
 * puts the socket back in quick-ack mode, so every probe sets it): a TCP_CHECK, which resets as
 * soon as the connect completes, resets the server's half-open request before the server's
 * listener turns it into a connection, so the server never creates, accepts or tears down a
 * connection for the check, and neither side's kernel handles the handshake's last packet; an
 * HTTP_GET's request, written at once, carries that ACK. On loopback all of that work ran
 * inside the checker's own connect(2) and close(2). The verdict is the same: the SYN-ACK is the
 * listener's answer. HAProxy's plain TCP checks leave their servers without an accepted
 * connection too (the benchmark's server counts show it).
 *
 * <p>System calls per probe on the event-loop threads ({@code strace -c -f} on LvsdChecks of
 * healthcheck/bench, 500 TCP_CHECK and 500 HTTP_GET servers at 1 s, 3,960 probes): TCP_CHECK 3
 * (setsockopt TCP_QUICKACK, connect, and the connect to AF_UNSPEC that disconnects), HTTP_GET
 * 5 (the same plus one write and one read), both plus about 0.5 epoll_pwait2. Before the pool:
 * 8 and 10 (socket, the getsockname Netty's socket makes to learn its family, SO_LINGER,
 * TCP_QUICKACK, connect, epoll_ctl, getsockopt SO_ERROR, close).
 *
 * <p>Used when the probe has no source options (bindto, bind_port, bind_if, fwmark), no TLS
 * and the transport is epoll ({@link #usable}); other probes go through {@link TcpProbe}'s
 * channel.
 */
final class BareProbe {

    /** What a bare probe does on its socket once connected. */
    interface Exchange {
        /** The connect completed: finish the session, or start talking. */
        void connected(LinuxSocket socket) throws IOException;

        /**
         * A readiness event after the connect; {@code ops} holds epoll(7) event bits, without
         * the EPOLLOUT that reported the connect itself.
         */
        default void ready(LinuxSocket socket, int ops) throws IOException {
        }
    }

    /** TCP_CHECK: connected is the verdict. */
    static final Function<ProbeSession, Exchange> CONNECT_ONLY =
            session -> socket -> session.succeed("connected");

    static final int EPOLLOUT = EpollIoOps.EPOLLOUT.value();
    /** EPOLLERR and EPOLLHUP (sys/epoll.h): the connect failed, SO_ERROR says why. */
    private static final int ERR_OR_HUP = EpollIoOps.EPOLLERR.value() | 0x010;
    /** IPPROTO_TCP (netinet/in.h) and TCP_QUICKACK (linux/tcp.h). */
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_QUICKACK = 12;

    private final PooledProbeSocket pooled;
    private final ProbeSocketPool pool;
    private final ProbeSession session;
    private final Exchange exchange;
    private boolean connected;

    private BareProbe(PooledProbeSocket pooled, ProbeSocketPool pool, ProbeSession session,
                      Exchange exchange) {
        this.pooled = pooled;
        this.pool = pool;
        this.session = session;
        this.exchange = exchange;
    }

    /** Whether a probe with these source options can run bare on {@code transport}. */
    static boolean usable(CheckTransport transport, ConnectOptions c) {
        return transport.epoll() && c.bindTo().isEmpty() && c.bindPort().isEmpty()
                && c.bindInterface().isEmpty() && c.fwmark().isEmpty();
    }

    /**
     * Runs one probe under the in-flight limit, bounded by {@code timeout} as a whole; in place
     * when called on one of the transport's loops ({@link CheckTransport#scheduler}), else as a
     * task on the next loop.
     *
     * @param exchange makes the probe's exchange for its session
     */
    static CompletionStage<CheckResult> run(CheckTransport transport, InetSocketAddress target,
                                            Duration timeout,
                                            Function<ProbeSession, Exchange> exchange) {
        return transport.limited(() -> {
            ProbeSession session = new ProbeSession(timeout);
            EventLoop loop = transport.loop();
            if (loop.inEventLoop()) {
                start(loop, transport.socketPool(loop), target, session, exchange.apply(session));
            } else {
                loop.execute(() -> start(loop, transport.socketPool(loop), target, session,
                        exchange.apply(session)));
            }
            return session.result();
        });
    }

    /** On {@code loop}: a pooled socket, TCP_QUICKACK off, connect. */
    private static void start(EventLoop loop, ProbeSocketPool pool, InetSocketAddress target,
                              ProbeSession session, Exchange exchange) {
        PooledProbeSocket pooled;
        try {
            pooled = pool.take(target.getAddress() instanceof Inet6Address);
        } catch (IOException | RuntimeException e) {
            session.fail(e);
            return;
        }
        BareProbe probe = new BareProbe(pooled, pool, session, exchange);
        pooled.owner = probe;
        session.attach(loop, probe::release);
        try {
            pooled.socket.setIntOpt(IPPROTO_TCP, TCP_QUICKACK, 0);
            if (pooled.socket.connect(target)) {
                probe.connected = true;
                exchange.connected(pooled.socket);
            }
        } catch (IOException e) {
            session.fail(e);
        }
    }

    /** An edge: first the connect's outcome (EPOLLOUT, EPOLLERR, EPOLLHUP), then the exchange's. */
    void ready(int ops) {
        LinuxSocket socket = pooled.socket;
        try {
            if (!connected) {
                if ((ops & ERR_OR_HUP) != 0) {
                    // SO_ERROR: throws with the connect's error
                    if (!socket.finishConnect()) {
                        return;
                    }
                } else if ((ops & EPOLLOUT) == 0) {
                    return;
                }
                connected = true;
                exchange.connected(socket);
                ops &= ~EPOLLOUT;
                if (ops == 0) {
                    return;
                }
            }
            if (!session.done()) {
                exchange.ready(socket, ops);
            }
        } catch (IOException e) {
            session.fail(e);
        }
    }

    /** The session ended: the socket goes back to the pool, which disconnects it. */
    private void release() {
        pool.give(pooled);
    }

    /** The event loop is shutting down: the probe fails. */
    void stopped() {
        session.fail("checker stopped");
    }
}
