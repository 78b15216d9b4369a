package org.lvsd.ipvs.userspace;

import io.netty.channel.IoEvent;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.epoll.LinuxSocket;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.NativeInetAddress;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.concurrent.RejectedExecutionException;
import org.lvsd.ipvs.ServiceKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listening socket of a TCP virtual service on one event loop: a bare socket with
 * SO_REUSEADDR, IP_FREEBIND (bind the virtual address before it is on an interface), SO_REUSEPORT
 * when every loop has its own, and TCP_NODELAY, which accepted sockets inherit (so no
 * setsockopt per client connection). Registered level-triggered for EPOLLIN once; each event
 * accepts (accept4, non-blocking) until EAGAIN or {@link #ACCEPTS_PER_EVENT}, after which the
 * level-triggered registration reports the rest on the next turn of the loop, so a burst of
 * connections cannot starve the relaying. With several loops an accepted connection is served by
 * the loop with the fewest ({@link Forwarding#lessLoaded}), handed over as a task when that is
 * another loop.
 */
final class TcpListener implements EpollIoHandle {
    private static final Logger LOG = LoggerFactory.getLogger(TcpListener.class);
    private static final int BACKLOG = 4096;
    static final int ACCEPTS_PER_EVENT = 64;
    /** accept's address: its length in the first byte, then the address and port (Netty's layout). */
    private static final int ADDRESS_BYTES = 26;

    private final LinuxSocket socket;
    private final Forwarding fwd;
    private final ServiceKey key;
    private final TcpLoop loop;
    private final byte[] address = new byte[ADDRESS_BYTES];
    private IoRegistration registration;

    private TcpListener(LinuxSocket socket, Forwarding fwd, ServiceKey key, TcpLoop loop) {
        this.socket = socket;
        this.fwd = fwd;
        this.key = key;
        this.loop = loop;
    }

    /** Binds and listens on the service's address and port, then registers on {@code loop}. */
    static TcpListener open(Forwarding fwd, ServiceKey key, TcpLoop loop) throws IOException, InterruptedException {
        LinuxSocket s = LinuxSocket.newSocketStream(key.address() instanceof Inet6Address);
        TcpListener l = new TcpListener(s, fwd, key, loop);
        try {
            s.setReuseAddress(true);
            if (fwd.transport().reusePort()) {
                s.setReusePort(true);
            }
            IpOptions.freebind(s);
            s.setTcpNoDelay(true);
            s.bind(new InetSocketAddress(key.address(), key.port()));
            s.listen(BACKLOG);
            l.registration = loop.eventLoop().register(l).sync().getNow();
            l.registration.submit(EpollIoOps.EPOLLIN);
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            if (l.registration != null) {
                l.registration.cancel();
            }
            throw e;
        }
        return l;
    }

    @Override
    public void handle(IoRegistration reg, IoEvent event) {
        for (int i = 0; i < ACCEPTS_PER_EVENT; i++) {
            int fd;
            try {
                fd = socket.accept(address);
            } catch (IOException e) {
                // EMFILE and the like: the connection waits in the backlog for the next turn
                LOG.debug("{}: accept: {}", key, e.toString());
                return;
            }
            if (fd < 0) {
                return;
            }
            accepted(fd);
        }
    }

    private void accepted(int fd) {
        Socket client;
        try {
            client = new Socket(fd);
        } catch (RuntimeException e) {
            LOG.debug("{}: accepted descriptor {}: {}", key, fd, e.toString());
            closeDescriptor(fd);
            return;
        }
        try {
            InetSocketAddress remote = NativeInetAddress.address(address, 1, address[0]);
            TcpLoop target = fwd.lessLoaded(loop);
            target.assigned();
            if (target == loop) {
                TcpSession.accepted(fwd, loop, key, client, remote);
            } else {
                handOver(target, client, remote);
            }
        } catch (RuntimeException e) {
            // never out to the event loop: it would drop the rest of the loop's batch of events
            LOG.warn("{}: starting a connection: {}", key, e.toString(), e);
        }
    }

    /** Starts the connection on {@code target}'s thread; closes it if that loop is stopping. */
    private void handOver(TcpLoop target, Socket client, InetSocketAddress remote) {
        try {
            target.eventLoop().execute(() -> TcpSession.accepted(fwd, target, key, client, remote));
        } catch (RejectedExecutionException e) {
            target.ended();
            closeDescriptor(client.intValue());
        }
    }

    private static void closeDescriptor(int fd) {
        try {
            new FileDescriptor(fd).close();
        } catch (IOException e) {
            LOG.debug("close {}: {}", fd, e.toString());
        }
    }

    /** Stops accepting: the socket closes on its loop; connections already accepted go on. */
    void stop() {
        loop.eventLoop().submit(this::close).syncUninterruptibly();
    }

    @Override
    public FileDescriptor fd() {
        return socket;
    }

    /** Closes the socket, then drops the registration (no epoll_ctl: close removed it). */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("{}: close: {}", key, e.toString());
        }
        registration.cancel();
    }
}
