package org.lvsd.ipvs.userspace;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.DuplexChannel;
import java.net.InetSocketAddress;
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
 * server, both on the client's event loop so every method runs on that one thread.
 *
 * <p>Backpressure: a side stops reading while the other side's outbound buffer is above its high
 * water mark and resumes when it drains below the low one. Half-close: a FIN read from one side
 * becomes a shutdown of the output toward the other (after the data before it); with both FINs
 * relayed the connection closes. Idle timeout: the table's tcp timeout, tcpfin once a FIN was seen.
 *
 * <p>Like the kernel's per-connection timer, which each packet only pushes back, the idle check
 * compares with the time of the last read; it runs from the loop's {@link SessionSweep}, which also
 * hands the batched read counts to the table (at most a second late), so relaying a read costs
 * no table lookup and a connection no timer of its own.
 *
 * <p>Per connection the forwarder makes as few system calls as it can: the client socket reads
 * from its accept on (no interest change when the server connects), the server socket is made
 * without a Bootstrap, and TCP_NODELAY is left to Netty, which sets it on every new socket.
 */
final class TcpSession {
    private static final Logger LOG = LoggerFactory.getLogger(TcpSession.class);

    private final Forwarding fwd;
    private final ServiceKey service;
    private final Channel client;
    private final Flow flow;
    private Channel server;
    private DestinationKey destination;
    private boolean acquired;
    private boolean connected;
    private boolean clientFin;
    private boolean serverFin;
    private boolean closed;
    /** Client data read before the server's socket connected. */
    private ByteBuf early;
    private long idleTimeoutNanos;
    private long lastActivityNanos;
    /** The loop's sweep, once the session is in its list. */
    private SessionSweep sweep;
    /** Links of the sweep's list, owned by {@link SessionSweep}. */
    TcpSession sweepPrev;
    TcpSession sweepNext;
    /** Reads relayed but not yet counted in the table: client to server (in) and back (out). */
    private long inPackets;
    private long inBytes;
    private long outPackets;
    private long outBytes;

    TcpSession(Forwarding fwd, ServiceKey service, Channel client) {
        this.fwd = fwd;
        this.service = service;
        this.client = client;
        InetSocketAddress remote = (InetSocketAddress) client.remoteAddress();
        this.flow = new Flow(remote.getAddress(), remote.getPort(), service.address(), service.port());
    }

    /** Called while the client's channel initializes: its events go to this session. */
    void attach() {
        client.pipeline().addLast(new Relay(this, true));
    }

    /**
     * Called on the client's event loop once its channel is active (registered with the event
     * loop, so its reads can be switched on when the server's socket connects).
     */
    void start() {
        if (!fwd.table().acquire()) {
            closed = true;
            reset(client);
            return;
        }
        acquired = true;
        Optional<RealServer> picked = fwd.table().schedule(Protocol.TCP, flow);
        if (picked.isEmpty()) {
            closed = true;
            fwd.table().release();
            reset(client);
            return;
        }
        RealServer rs = picked.get();
        destination = new DestinationKey(service, rs);
        sweep = fwd.sweep(client.eventLoop());
        sweep.add(this);
        armIdle(fwd.timeouts().get().tcp());
        int port = rs.port() != 0 ? rs.port() : service.port();
        ForwarderOptions o = fwd.options();
        server = fwd.transport().newSocketChannel();
        server.config().setConnectTimeoutMillis(o.connectTimeoutMillis());
        server.config().setAutoRead(false);
        server.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        server.config().setWriteBufferWaterMark(new WriteBufferWaterMark(o.bufferBytes() / 2, o.bufferBytes()));
        server.pipeline().addLast(new Relay(this, false));
        InetSocketAddress local = null;
        if (o.transparent()) {
            fwd.transport().transparent(server);
            local = new InetSocketAddress(flow.clientAddress(), 0);
        }
        // the client's socket reads from its accept on: the request usually follows the handshake
        // at once and goes out as soon as the server's socket is up; read() stops at the buffer bound
        client.eventLoop().register(server);
        ChannelFuture f = server.connect(new InetSocketAddress(rs.address(), port), local);
        f.addListener((ChannelFutureListener) this::connected);
    }

    private void connected(ChannelFuture f) {
        if (closed) {
            server.close();
            return;
        }
        if (!f.isSuccess()) {
            fwd.table().connectFailed(destination);
            LOG.debug("{} -> {}: {}", flow, destination.server(), f.cause().toString());
            reset(client);
            close();
            return;
        }
        connected = true;
        fwd.table().established(flow);
        byte[] header = ProxyHeader.encode(fwd.options().proxyProtocol(), (InetSocketAddress) client.remoteAddress(),
                new InetSocketAddress(service.address(), service.port()));
        if (header.length > 0) {
            server.writeAndFlush(Unpooled.wrappedBuffer(header));
        }
        if (early != null) {
            server.write(early, server.voidPromise());
            early = null;
        }
        server.flush();
        if (clientFin) {
            fwd.table().fin(flow, true);
            relayFin(server);
        } else {
            resumeReading(client);
        }
        resumeReading(server);
    }

    /** Reads again from {@code ch} unless it has already seen its FIN (epoll refuses that). */
    private static void resumeReading(Channel ch) {
        if (!((DuplexChannel) ch).isInputShutdown()) {
            ch.config().setAutoRead(true);
        }
    }

    void read(boolean fromClient, ByteBuf data) {
        if (closed) {
            data.release();
            return;
        }
        if (fromClient) {
            inPackets++;
            inBytes += data.readableBytes();
        } else {
            outPackets++;
            outBytes += data.readableBytes();
        }
        if (fromClient && !connected) {
            early = early == null ? data : Unpooled.wrappedBuffer(early, data);
            if (early.readableBytes() >= fwd.options().bufferBytes()) {
                client.config().setAutoRead(false);
            }
            return;
        }
        Channel to = fromClient ? server : client;
        to.write(data, to.voidPromise());
    }

    /** Hands the batched reads to the table (ip_vs_in_stats / ip_vs_out_stats, summed). */
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

    /** Closes the connection once {@code seconds} pass without a read on either side. */
    private void armIdle(int seconds) {
        idleTimeoutNanos = TimeUnit.SECONDS.toNanos(seconds);
        lastActivityNanos = System.nanoTime();
    }

    /** The sweep's visit at {@code now}: counts to the table, and the idle check. */
    void tick(long now) {
        flushCounts();
        if (!closed && now - lastActivityNanos >= idleTimeoutNanos) {
            idle();
        }
    }

    void readComplete(boolean fromClient) {
        lastActivityNanos = System.nanoTime();
        if (!connected) {
            return;
        }
        Channel from = fromClient ? client : server;
        Channel to = fromClient ? server : client;
        to.flush();
        if (!to.isWritable()) {
            from.config().setAutoRead(false);
        }
    }

    /** {@code ofClient}: the client channel's writability changed (else the server's). */
    void writabilityChanged(boolean ofClient) {
        Channel ch = ofClient ? client : server;
        Channel reader = ofClient ? server : client;
        // a slow reader draining what was relayed to it is activity too
        lastActivityNanos = System.nanoTime();
        if (ch.isWritable() && connected && !closed) {
            resumeReading(reader);
        }
    }

    /** A FIN was read from the client ({@code fromClient}) or the server. */
    void inputShutdown(boolean fromClient) {
        if (closed) {
            return;
        }
        if (connected) {
            flushCounts();
            fwd.table().fin(flow, fromClient);
        }
        if (fromClient) {
            clientFin = true;
        } else {
            serverFin = true;
        }
        if (clientFin && serverFin) {
            close();
            return;
        }
        armIdle(fwd.timeouts().get().tcpFin());
        if (connected) {
            relayFin(fromClient ? server : client);
        }
    }

    /**
     * Shuts the output toward {@code to} once what was written to it before has gone out. The FIN
     * that answers ours ends that socket: the kernel moves it to TIME_WAIT and closes the socket
     * itself (tcp_time_wait), where Netty's half-close would call shutdown(SHUT_RD), get ENOTCONN
     * and build an exception with its stack trace for every connection; without half-closure Netty
     * closes the channel on that FIN instead, and the session closes as it would on both FINs.
     */
    private static void relayFin(Channel to) {
        to.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(w -> {
            to.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, false);
            ((DuplexChannel) to).shutdownOutput();
        });
    }

    private void idle() {
        LOG.debug("{} idle, closing", flow);
        close();
    }

    /** Closes both sockets once what was written to them has been flushed. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (acquired) {
            // before the sockets close: whoever sees them closed sees the counts
            flushCounts();
        }
        if (sweep != null) {
            sweep.remove(this);
        }
        client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        if (server != null) {
            server.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        if (early != null) {
            early.release();
            early = null;
        }
        if (acquired) {
            fwd.table().release();
            fwd.table().closed(flow);
        }
    }

    /** Aborts a socket with a RST (SO_LINGER 0) instead of a FIN. */
    private static void reset(Channel ch) {
        if (ch.isOpen()) {
            ch.config().setOption(ChannelOption.SO_LINGER, 0);
            ch.close();
        }
    }
}
