package org.lvsd.healthcheck.check;

import io.netty.channel.EventLoop;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
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
import org.lvsd.healthcheck.CheckResult;

/**
 * TCP_CHECK's probe on the epoll transport without a Netty channel: a non-blocking socket with
 * SO_LINGER 0, connect(2), registered on an event loop for EPOLLOUT only, getsockopt(SO_ERROR)
 * when it fires (connect(2): "EINPROGRESS ... select for writing"), then close(2), which sends
 * the reset and drops the epoll registration. Seven system calls a probe (socket, the
 * getsockname Netty's socket makes to learn its family, setsockopt, connect, one epoll_ctl,
 * getsockopt, close; counted with strace) where an EpollSocketChannel made sixteen: TCP_NODELAY,
 * local and peer address look-ups, read interest, an SO_LINGER look-up at close and an
 * epoll_ctl per interest change, none of which a probe that only wants "connected" needs.
 *
 * <p>Used when the probe has no source options (bindto, bind_port, bind_if, fwmark); those go
 * through {@link TcpProbe}'s channel.
 */
final class TcpConnectProbe implements EpollIoHandle {

    private final LinuxSocket socket;
    private final ProbeSession session;
    private IoRegistration registration;

    private TcpConnectProbe(LinuxSocket socket, ProbeSession session) {
        this.socket = socket;
        this.session = session;
    }

    static CompletionStage<CheckResult> run(CheckTransport transport, InetSocketAddress target,
                                            Duration timeout) {
        return transport.limited(() -> {
            ProbeSession session = new ProbeSession(timeout);
            EventLoop loop = transport.group().next();
            loop.execute(() -> start(loop, target, session));
            return session.result();
        });
    }

    /** On {@code loop}: socket, SO_LINGER 0, connect; registers for EPOLLOUT when in progress. */
    private static void start(EventLoop loop, InetSocketAddress target, ProbeSession session) {
        LinuxSocket socket;
        try {
            socket = LinuxSocket.newSocketStream(target.getAddress() instanceof Inet6Address);
        } catch (RuntimeException e) {
            session.fail(e);
            return;
        }
        TcpConnectProbe probe = new TcpConnectProbe(socket, session);
        session.attach(loop, probe::release);
        try {
            socket.setSoLinger(0);
            if (socket.connect(target)) {
                session.succeed("connected");
                return;
            }
        } catch (IOException e) {
            session.fail(e);
            return;
        }
        ((IoEventLoop) loop).register(probe).addListener((Future<IoRegistration> f) -> {
            if (!f.isSuccess()) {
                session.fail(f.cause());
            } else if (session.done()) {
                f.getNow().cancel();
            } else {
                probe.registration = f.getNow();
                probe.registration.submit(EpollIoOps.EPOLLOUT);
            }
        });
    }

    /** EPOLLOUT, EPOLLERR or EPOLLHUP: the connect finished one way or the other. */
    @Override
    public void handle(IoRegistration reg, IoEvent event) {
        try {
            if (socket.finishConnect()) {
                session.succeed("connected");
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
