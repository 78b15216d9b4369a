package org.lvsd.healthcheck.check;

import io.netty.channel.EventLoop;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.epoll.LinuxSocket;
import io.netty.channel.unix.FileDescriptor;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.spec.ConnectOptions;

/**
 * A TCP probe on the epoll transport without a Netty channel: a non-blocking socket with
 * SO_LINGER 0 and TCP_QUICKACK off, connect(2), registered on an event loop once,
 * edge-triggered, for EPOLLIN and EPOLLOUT (epoll(7)); when the connect finishes (connect(2): "EINPROGRESS ... select for
 * writing", then getsockopt(SO_ERROR)) the {@link Exchange} takes over: TCP_CHECK passes at
 * once ({@link #CONNECT_ONLY}), a plain HTTP_GET writes its request and reads the status line
 * ({@link HttpStatusExchange}). The session's end closes the socket, which sends the reset and
 * drops the epoll registration. An EpollSocketChannel costs about sixteen system calls a probe
 * (TCP_NODELAY, local and peer address look-ups, read interest, an SO_LINGER look-up at close,
 * an epoll_ctl per interest change) that a probe does not need.
 *
 * <p>TCP_QUICKACK off before the connect (tcp(7): the socket leaves quick-ack mode, so the
 * kernel delays the ACK that ends the handshake instead of sending it at once): a TCP_CHECK,
 * which closes with a reset as soon as the connect completes, resets the server's half-open
 * request before the server's listener turns it into a connection, so the server never
 * creates, accepts or tears down a connection for the check, and neither side's kernel
 * handles the handshake's last packet; an HTTP_GET's request, written at once, carries that
 * ACK. On loopback all of that work ran inside the checker's own connect(2) and close(2). The
 * verdict is the same: the SYN-ACK is the listener's answer. HAProxy's plain TCP checks leave
 * their servers without an accepted connection too (the benchmark's server counts show it).
 *
 * <p>System calls per probe on the event-loop threads ({@code strace -c -p} on both loops for
 * 5 s of healthcheck/bench's LvsdChecks, 500 TCP_CHECK and 500 HTTP_GET servers at 1 s:
 * 4,949 probes, 42,191 calls): TCP_CHECK 7 (socket, the getsockname Netty's socket makes to
 * learn its family, setsockopt SO_LINGER, connect, one epoll_ctl, getsockopt SO_ERROR, close);
 * HTTP_GET 9, the same plus one write and one read (2,477 of each for 2,477 HTTP probes: the
 * status line came in the first read every time); both plus about 0.5 epoll_pwait2. An HTTP_GET
 * on an EpollSocketChannel made about 19. (Counted before TCP_QUICKACK, which adds one
 * setsockopt: 8 and 10.)
 *
 * <p>Used when the probe has no source options (bindto, bind_port, bind_if, fwmark), no TLS
 * and the transport is epoll ({@link #usable}); other probes go through {@link TcpProbe}'s
 * channel.
 */
final class BareProbe implements EpollIoHandle {

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

    /** Edge-triggered, both directions: one epoll_ctl per probe, whatever the exchange. */
    private static final EpollIoOps INTEREST =
            EpollIoOps.EPOLLET.with(EpollIoOps.EPOLLIN).with(EpollIoOps.EPOLLOUT);
    static final int EPOLLOUT = EpollIoOps.EPOLLOUT.value();
    /** IPPROTO_TCP (netinet/in.h) and TCP_QUICKACK (linux/tcp.h). */
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_QUICKACK = 12;

    private final LinuxSocket socket;
    private final ProbeSession session;
    private final Exchange exchange;
    private IoRegistration registration;
    private boolean connected;

    private BareProbe(LinuxSocket socket, ProbeSession session, Exchange exchange) {
        this.socket = socket;
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
                start(loop, target, session, exchange.apply(session));
            } else {
                loop.execute(() -> start(loop, target, session, exchange.apply(session)));
            }
            return session.result();
        });
    }

    /** On {@code loop}: socket, SO_LINGER 0, connect, registration. */
    private static void start(EventLoop loop, InetSocketAddress target, ProbeSession session,
                              Exchange exchange) {
        LinuxSocket socket;
        try {
            socket = LinuxSocket.newSocketStream(target.getAddress() instanceof Inet6Address);
        } catch (RuntimeException e) {
            session.fail(e);
            return;
        }
        BareProbe probe = new BareProbe(socket, session, exchange);
        session.attach(loop, probe::release);
        try {
            socket.setSoLinger(0);
            socket.setIntOpt(IPPROTO_TCP, TCP_QUICKACK, 0);
            if (socket.connect(target)) {
                probe.connected = true;
                exchange.connected(socket);
            }
        } catch (IOException e) {
            session.fail(e);
            return;
        }
        if (session.done()) {
            return;
        }
        ((IoEventLoop) loop).register(probe).addListener((Future<IoRegistration> f) -> {
            if (!f.isSuccess()) {
                session.fail(f.cause());
            } else if (session.done()) {
                f.getNow().cancel();
            } else {
                probe.registration = f.getNow();
                probe.registration.submit(INTEREST);
            }
        });
    }

    /** An edge: first the connect's outcome (EPOLLOUT, EPOLLERR, EPOLLHUP), then the exchange's. */
    @Override
    public void handle(IoRegistration reg, IoEvent event) {
        int ops = ((EpollIoEvent) event).ops().value();
        try {
            if (!connected) {
                if (!socket.finishConnect()) {
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

    /** Closes the socket (a reset, SO_LINGER 0), then drops the registration. */
    private void release() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the descriptor is released either way (close(2))
        }
        IoRegistration r = registration;
        if (r != null) {
            r.cancel();
        }
    }

    @Override
    public FileDescriptor fd() {
        return socket;
    }

    /** The event loop is shutting down: the probe fails and releases its socket. */
    @Override
    public void close() {
        session.fail("checker stopped");
    }
}
