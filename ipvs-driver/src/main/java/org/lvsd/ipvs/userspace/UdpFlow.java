package org.lvsd.ipvs.userspace;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.sched.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UDP flow (client address and port) and its connected socket toward the real server. Ends
 * after the table's udp timeout without a datagram either way. Datagrams that find the server's
 * socket not yet connected wait in a short queue; beyond it, or when the socket's buffer is full,
 * they are dropped, as a full queue drops them in the kernel.
 */
final class UdpFlow {
    private static final Logger LOG = LoggerFactory.getLogger(UdpFlow.class);
    private static final int MAX_PENDING = 16;

    private final Forwarding fwd;
    private final Flow flow;
    private final Channel server;
    private final ArrayDeque<ByteBuf> pending = new ArrayDeque<>();

    private UdpFlow(Forwarding fwd, Flow flow, Channel server) {
        this.fwd = fwd;
        this.flow = flow;
        this.server = server;
    }

    /**
     * Schedules a new flow and opens its socket on {@code vipSocket}'s event loop; null when the
     * connection limit is reached or no destination is usable. {@code ended} runs on that loop
     * when the flow's socket closes.
     */
    static UdpFlow open(Forwarding fwd, ServiceKey key, InetSocketAddress client, Channel vipSocket,
                        Consumer<InetSocketAddress> ended) {
        if (!fwd.table().acquire()) {
            return null;
        }
        Flow flow = new Flow(client.getAddress(), client.getPort(), key.address(), key.port());
        Optional<RealServer> picked = fwd.table().schedule(Protocol.UDP, flow);
        if (picked.isEmpty()) {
            fwd.table().release();
            return null;
        }
        RealServer rs = picked.get();
        DestinationKey destination = new DestinationKey(key, rs);
        int udpTimeout = fwd.timeouts().get().udp();
        Bootstrap b = new Bootstrap()
                .group(vipSocket.eventLoop())
                .channel(fwd.transport().datagramChannel())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, udpTimeout, TimeUnit.SECONDS));
                        ch.pipeline().addLast(new Replies(fwd, flow, client, vipSocket));
                    }
                });
        if (fwd.options().transparent()) {
            fwd.transport().transparent(b);
            b.localAddress(new InetSocketAddress(client.getAddress(), 0));
        }
        ChannelFuture f = b.connect(new InetSocketAddress(rs.address(), rs.port() != 0 ? rs.port() : key.port()));
        UdpFlow udpFlow = new UdpFlow(fwd, flow, f.channel());
        f.addListener(done -> udpFlow.connected(done.isSuccess(), destination));
        f.channel().closeFuture().addListener(c -> {
            udpFlow.dropPending();
            fwd.table().release();
            ended.accept(client);
        });
        return udpFlow;
    }

    private void connected(boolean success, DestinationKey destination) {
        if (!success) {
            fwd.table().connectFailed(destination);
            server.close();
            return;
        }
        ByteBuf b;
        while ((b = pending.poll()) != null) {
            server.write(b, server.voidPromise());
        }
        server.flush();
    }

    /** False once the flow's socket has closed (timed out or failed). */
    boolean isOpen() {
        return server.isOpen();
    }

    /** A datagram from the client. */
    void send(ByteBuf payload) {
        fwd.table().count(Protocol.UDP, flow, true, payload.readableBytes());
        if (server.isActive()) {
            if (server.isWritable()) {
                server.writeAndFlush(payload.retain(), server.voidPromise());
            }
        } else if (server.isOpen() && pending.size() < MAX_PENDING) {
            pending.add(payload.retain());
        }
    }

    private void dropPending() {
        pending.forEach(ByteBuf::release);
        pending.clear();
    }

    /** Datagrams from the server go back to the client through the VIP's socket. */
    private static final class Replies extends SimpleChannelInboundHandler<DatagramPacket> {
        private final Forwarding fwd;
        private final Flow flow;
        private final InetSocketAddress client;
        private final Channel vipSocket;

        Replies(Forwarding fwd, Flow flow, InetSocketAddress client, Channel vipSocket) {
            this.fwd = fwd;
            this.flow = flow;
            this.client = client;
            this.vipSocket = vipSocket;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            fwd.table().count(Protocol.UDP, flow, false, packet.content().readableBytes());
            if (vipSocket.isWritable()) {
                vipSocket.writeAndFlush(new DatagramPacket(packet.content().retain(), client), vipSocket.voidPromise());
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP errors (port unreachable) surface here; the flow lives on until idle, as in IPVS
            LOG.debug("{}: {}", flow, cause.toString());
        }
    }
}
