package org.lvsd.ipvs.userspace;

import io.netty.channel.epoll.LinuxSocket;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.sched.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One proxied TCP connection: the accepted client socket and the socket to the scheduled real
 * server, both bare sockets ({@link SessionSocket}) on one event loop (the accepting loop, or the
 * one with fewer connections: {@link Forwarding#lessLoaded}), so every method
 * runs on that one thread.
 *
 * <p>Relaying: a read goes into the loop's relay buffer and is written straight to the other
 * socket. Only when that write is short are the remaining bytes kept (at most one relay buffer,
 * never more than the configured buffer bound), and the reading side is then left alone until
 * they are written: backpressure without any change of epoll interest. Half-close: a FIN read
 * from one side becomes shutdown(SHUT_WR) toward the other once what came before it is written;
 * with both FINs read the connection closes. Idle timeout: the table's tcp timeout, tcpfin once a
 * FIN was seen.
 *
 * <p>Per connection the system calls are accept4, the socket, the connect, one epoll_ctl per
 * socket, the reads and writes of the data and the FINs, the shutdowns and closes, a getsockname
 * each when Netty wraps a descriptor (it learns the address family), and TCP_NODELAY on the
 * server's socket only (accepted sockets inherit it from the listener). The connect's outcome comes
 * from the event itself (EPOLLOUT without EPOLLERR is success), the client's address from accept4.
 *
 * <p>Like the kernel's per-connection timer, which each packet only pushes back, the idle check
 * compares with the time of the last event; it runs from the loop's {@link SessionSweep}, which
 * also hands the batched read counts to the table (at most a second late). Until its connect
 * succeeds or fails, the session waits in the loop's {@link ConnectDeadlines}, which fails it at
 * the connect timeout (within the event loop's timer precision). So a connection has no timer of
 * its own.
 */
final class TcpSession extends ConnectDeadlines.Entry {
    private static final Logger LOG = LoggerFactory.getLogger(TcpSession.class);

    private final Forwarding fwd;
    private final TcpLoop loop;
    private final ServiceKey service;
    private final Flow flow;
    private final InetSocketAddress clientAddress;
    private final SessionSocket client;
    private SessionSocket server;
    private DestinationKey destination;
    private boolean acquired;
    private boolean connected;
    private boolean closed;
    private long idleTimeoutNanos;
    private long lastActivityNanos;
    /** Links of the sweep's list, owned by {@link SessionSweep}. */
    TcpSession sweepPrev;
    TcpSession sweepNext;
    /** Reads relayed but not yet counted in the table: client to server (in) and back (out). */
    private long inPackets;
    private long inBytes;
    private long outPackets;
    private long outBytes;

    private TcpSession(Forwarding fwd, TcpLoop loop, ServiceKey service, Socket client, InetSocketAddress remote) {
        this.fwd = fwd;
        this.loop = loop;
        this.service = service;
        this.clientAddress = remote;
        this.client = new SessionSocket(this, client, true);
        this.flow = new Flow(remote.getAddress(), remote.getPort(), service.address(), service.port());
    }

    /**
     * A connection just accepted on {@code loop}'s thread: takes a connection slot, schedules a real
     * server and connects to it, or resets the client when over the limit or without a destination.
     */
    static void accepted(Forwarding fwd, TcpLoop loop, ServiceKey service, Socket client, InetSocketAddress remote) {
        new TcpSession(fwd, loop, service, client, remote).start();
    }

    private void start() {
        if (!fwd.table().acquire()) {
            refuse();
            return;
        }
        acquired = true;
        Optional<RealServer> picked = fwd.table().schedule(Protocol.TCP, flow);
        if (picked.isEmpty()) {
            fwd.table().release();
            acquired = false;
            refuse();
            return;
        }
        RealServer rs = picked.get();
        destination = new DestinationKey(service, rs);
        loop.sweep().add(this);
        armIdle(fwd.timeouts().get().tcp());
        loop.connects().add(this);
        ForwarderOptions o = fwd.options();
        InetSocketAddress target = new InetSocketAddress(rs.address(), rs.port() != 0 ? rs.port() : service.port());
        boolean done;
        try {
            client.register(loop.eventLoop());
            LinuxSocket s = LinuxSocket.newSocketStream(rs.address() instanceof Inet6Address);
            server = new SessionSocket(this, s, false);
            s.setTcpNoDelay(true);
            if (o.transparent()) {
                IpOptions.transparent(s);
                s.bind(new InetSocketAddress(flow.clientAddress(), 0));
            }
            byte[] header = ProxyHeader.encode(o.proxyProtocol(), clientAddress,
                    new InetSocketAddress(service.address(), service.port()));
            if (header.length > 0) {
                server.keep(header);
            }
            done = s.connect(target);
            server.register(loop.eventLoop());
        } catch (Exception e) {
            connectFailed(e);
            return;
        }
        if (done) {
            connected();
        }
    }

    /** Over the connection limit or without a destination (both counted by the table): a reset. */
    private void refuse() {
        closed = true;
        loop.ended();
        client.resetOnClose();
        loop.closeLater(client);
    }

    /** An event of {@code s}'s registration: epoll(7) flags {@code ops}. */
    void event(SessionSocket s, int ops) {
        if (closed) {
            return;
        }
        lastActivityNanos = System.nanoTime();
        if (!s.client && !connected) {
            finishConnect(ops);
            if (!connected) {
                return;
            }
        }
        if (SessionSocket.readEvent(ops)) {
            s.readable = true;
            s.hangup |= SessionSocket.hangupEvent(ops);
        }
        if (SessionSocket.writeEvent(ops) && s.pending != null && !flush(s)) {
            return;
        }
        if (s.readable) {
            if (connected) {
                relay(s, other(s));
            } else {
                readEarly();
            }
        }
    }

    private SessionSocket other(SessionSocket s) {
        return s.client ? server : client;
    }

    /** The server's socket reported: connected (EPOLLOUT alone) or failed (with EPOLLERR or EPOLLHUP). */
    private void finishConnect(int ops) {
        if (!SessionSocket.hangupEvent(ops)) {
            if (SessionSocket.writeEvent(ops)) {
                connected();
            }
            return;
        }
        try {
            // SO_ERROR: throws with the connect's error
            if (server.socket.finishConnect()) {
                connected();
            } else {
                connectFailed(new IOException("connect still in progress after an error event"));
            }
        } catch (IOException e) {
            connectFailed(e);
        }
    }

    /** The loop's {@link ConnectDeadlines}: the connect timeout passed before an outcome. */
    @Override
    void connectTimedOut() {
        connectFailed(new IOException("connect timed out after "
                + TimeUnit.NANOSECONDS.toMillis(loop.connects().timeoutNanos()) + " ms"));
    }

    private void connectFailed(Exception cause) {
        fwd.table().connectFailed(destination);
        LOG.debug("{} -> {}: {}", flow, destination.server(), cause.toString());
        client.resetOnClose();
        close();
    }

    /** The server's socket is connected: what the client sent meanwhile (after any PROXY header) goes out. */
    private void connected() {
        connected = true;
        loop.connects().remove(this);
        fwd.table().established(flow);
        if (client.inputDone) {
            fwd.table().fin(flow, true);
            server.shutdownWanted = true;
        }
        if (server.pending != null) {
            flush(server);
        } else if (server.shutdownWanted) {
            finishOutput(server);
        } else if (client.readable) {
            relay(client, server);
        }
    }

    /**
     * Before the server's socket connects, the client's bytes are kept for it, up to the buffer
     * bound; then the client is left unread until the connect.
     */
    private void readEarly() {
        ByteBuffer buf = loop.buffer();
        while (!closed && client.readable && server.pendingBytes() < fwd.options().bufferBytes()) {
            int n = read(client, buf);
            if (n > 0) {
                server.keep(buf, 0, n);
            }
        }
    }

    /**
     * Reads {@code from} into the loop's buffer: the byte count, 0 when nothing more is queued, -1
     * at the end of stream (handled here) or after an error (the session is then closed).
     */
    private int read(SessionSocket from, ByteBuffer buf) {
        int n;
        try {
            n = from.read(buf, buf.capacity());
        } catch (IOException e) {
            closeOnError(from, e);
            return -1;
        }
        if (n == 0) {
            from.readable = false;
        } else if (n < 0) {
            from.readable = false;
            inputDone(from);
        } else {
            count(from.client, n);
            if (n < buf.capacity() && !from.hangup) {
                // all that was queued: more raises a new event
                from.readable = false;
            }
        }
        return n;
    }

    /** Relays from {@code from} to {@code to} until {@code from} is drained or a write to {@code to} is short. */
    private void relay(SessionSocket from, SessionSocket to) {
        ByteBuffer buf = loop.buffer();
        while (!closed && from.readable && to.pending == null) {
            int n = read(from, buf);
            if (n <= 0) {
                return;
            }
            int w;
            try {
                w = to.write(buf, 0, n);
            } catch (IOException e) {
                closeOnError(to, e);
                return;
            }
            if (w < n) {
                to.keep(buf, w, n);
            }
        }
    }

    /**
     * Writes what is pending toward {@code to}; once all is written, relays its FIN or reads again
     * from the other side. False if bytes remain (or the session closed).
     */
    private boolean flush(SessionSocket to) {
        try {
            if (!to.flush()) {
                return false;
            }
        } catch (IOException e) {
            closeOnError(to, e);
            return false;
        }
        if (to.shutdownWanted) {
            finishOutput(to);
            return !closed;
        }
        SessionSocket from = other(to);
        if (from.readable) {
            relay(from, to);
        }
        return !closed;
    }

    /** Counts one read of {@code bytes} for the table (ip_vs_in_stats / ip_vs_out_stats). */
    private void count(boolean fromClient, int bytes) {
        if (fromClient) {
            inPackets++;
            inBytes += bytes;
        } else {
            outPackets++;
            outBytes += bytes;
        }
    }

    /** Hands the batched reads to the table. */
    private void flushCounts() {
        if (inPackets > 0) {
            fwd.table().count(Protocol.TCP, flow, true, inPackets, inBytes);
            inPackets = 0;
            inBytes = 0;
        }
        if (outPackets > 0) {
            fwd.table().count(Protocol.TCP, flow, false, outPackets, outBytes);
            outPackets = 0;
            outBytes = 0;
        }
    }

    /** Closes the connection once {@code seconds} pass without an event on either side. */
    private void armIdle(int seconds) {
        idleTimeoutNanos = TimeUnit.SECONDS.toNanos(seconds);
        lastActivityNanos = System.nanoTime();
    }

    /** The sweep's visit at {@code now}: counts to the table, the idle check. */
    void tick(long now) {
        flushCounts();
        if (closed) {
            return;
        }
        if (now - lastActivityNanos >= idleTimeoutNanos) {
            LOG.debug("{} idle, closing", flow);
            close();
        }
    }

    /** The end of stream was read from {@code from}: relay the FIN, or close when both sides are done. */
    private void inputDone(SessionSocket from) {
        from.inputDone = true;
        armIdle(fwd.timeouts().get().tcpFin());
        if (!connected) {
            // the client's FIN before the connect: relayed once connected
            return;
        }
        flushCounts();
        fwd.table().fin(flow, from.client);
        SessionSocket to = other(from);
        to.shutdownWanted = true;
        if (to.pending == null) {
            finishOutput(to);
        }
    }

    /**
     * All toward {@code to} is written and its peer's FIN read: our FIN toward it, or the close
     * when the other way is finished too (close(2) sends that FIN itself).
     */
    private void finishOutput(SessionSocket to) {
        SessionSocket from = other(to);
        if (to.inputDone && from.pending == null) {
            close();
            return;
        }
        try {
            to.shutdownOutput();
        } catch (IOException e) {
            closeOnError(to, e);
        }
    }

    /** A read, write or shutdown of {@code s} failed (the error names the call): the session ends. */
    private void closeOnError(SessionSocket s, IOException e) {
        LOG.debug("{} {} side: {}", flow, s.side(), e.toString());
        close();
    }

    /** Closes both sockets (after this batch of events); what is still pending is dropped. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.ended();
        if (acquired) {
            // before the sockets close: whoever sees them closed sees the counts
            flushCounts();
        }
        loop.sweep().remove(this);
        loop.connects().remove(this);
        client.discard();
        loop.closeLater(client);
        if (server != null) {
            server.discard();
            loop.closeLater(server);
        }
        if (acquired) {
            fwd.table().release();
            fwd.table().closed(flow);
        }
    }
}
