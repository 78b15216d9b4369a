package org.lvsd.ipvs.userspace;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.lvsd.ipvs.ServiceKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket of one UDP virtual service, bound to VIP:port with IP_FREEBIND. Each client address
 * and port is one flow with a socket of its own toward its real server; replies leave through this
 * socket, so from the VIP. Stopping the service drains: known flows go on, new ones are ignored,
 * and the socket closes when the last flow has timed out. The flow map is only touched on the
 * socket's event loop, where every flow's socket runs too.
 */
final class UdpService implements ServiceListener {
    private static final Logger LOG = LoggerFactory.getLogger(UdpService.class);

    private final Forwarding fwd;
    private final ServiceKey key;
    private final Map<InetSocketAddress, UdpFlow> flows = new HashMap<>();
    private Channel socket;
    private boolean draining;

    private UdpService(Forwarding fwd, ServiceKey key) {
        this.fwd = fwd;
        this.key = key;
    }

    /** Binds the service's address and port; throws if the bind fails. */
    static UdpService bind(ServiceKey key, Forwarding fwd) throws InterruptedException {
        UdpService service = new UdpService(fwd, key);
        Bootstrap b = new Bootstrap()
                .group(fwd.transport().group())
                .channel(fwd.transport().datagramChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(service.new Receiver());
        fwd.transport().freebind(b);
        service.socket = b.bind(new InetSocketAddress(key.address(), key.port())).sync().channel();
        LOG.info("serving {}", key);
        return service;
    }

    private final class Receiver extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            UdpFlow flow = flows.get(packet.sender());
            if (flow == null || !flow.isOpen()) {
                if (draining) {
                    return;
                }
                flow = UdpFlow.open(fwd, key, packet.sender(), socket, UdpService.this::ended);
                if (flow == null) {
                    return;
                }
                flows.put(packet.sender(), flow);
            }
            flow.send(packet.content());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("{}: {}", key, cause.toString());
        }
    }

    private void ended(InetSocketAddress client) {
        flows.computeIfPresent(client, (k, flow) -> flow.isOpen() ? flow : null);
        if (draining && flows.isEmpty()) {
            socket.close();
        }
    }

    @Override
    public void stop() {
        socket.eventLoop().submit(() -> {
            draining = true;
            if (flows.isEmpty()) {
                socket.close();
            }
        }).syncUninterruptibly();
    }

    /** Takes new flows again after {@link #stop()}; false if the socket has closed meanwhile. */
    boolean resume() {
        return socket.eventLoop().submit(() -> {
            draining = false;
            return socket.isOpen();
        }).syncUninterruptibly().getNow();
    }
}
