package org.lvsd.ipvs.userspace;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.timeout.IdleStateHandler;
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
 */
final class TcpSession {
    private static final Logger LOG = LoggerFactory.getLogger(TcpSession.class);
    private static final String IDLE = "idle";

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
        int tcpTimeout = fwd.timeouts().get().tcp();
        client.pipeline().addFirst(IDLE, new IdleStateHandler(0, 0, tcpTimeout, TimeUnit.SECONDS));
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
        int port = rs.port() != 0 ? rs.port() : service.port();
        ForwarderOptions o = fwd.options();
        Bootstrap b = new Bootstrap()
                .group(client.eventLoop())
                .channel(fwd.transport().socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, o.connectTimeoutMillis())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(o.bufferBytes() / 2, o.bufferBytes()))
                .handler(new Relay(this, false));
        if (o.transparent()) {
            fwd.transport().transparent(b);
            b.localAddress(new InetSocketAddress(flow.clientAddress(), 0));
        }
        ChannelFuture f = b.connect(new InetSocketAddress(rs.address(), port));
        server = f.channel();
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
        fwd.table().count(Protocol.TCP, flow, fromClient, data.readableBytes());
        if (fromClient && !connected) {
            // epoll reads once on the client's FIN even with reads off: keep it for the server
            early = early == null ? data : Unpooled.wrappedBuffer(early, data);
            return;
        }
        Channel to = fromClient ? server : client;
        to.write(data, to.voidPromise());
    }

    void readComplete(boolean fromClient) {
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
        client.pipeline().replace(IDLE, IDLE,
                new IdleStateHandler(0, 0, fwd.timeouts().get().tcpFin(), TimeUnit.SECONDS));
        if (connected) {
            relayFin(fromClient ? server : client);
        }
    }

    /** Shuts the output toward {@code to} once what was written to it before has gone out. */
    private static void relayFin(Channel to) {
        to.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(w -> ((DuplexChannel) to).shutdownOutput());
    }

    void idle() {
        LOG.debug("{} idle, closing", flow);
        close();
    }

    /** Closes both sockets once what was written to them has been flushed. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
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
