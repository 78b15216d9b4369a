package org.lvsd.ipvs.userspace;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.lvsd.ipvs.ServiceKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening sockets of one TCP virtual service (one, or one per event loop with SO_REUSEPORT),
 * bound to VIP:port with IP_FREEBIND. Closing them stops new connections; connections already
 * accepted go on until they end (draining).
 */
final class TcpService implements ServiceListener {
    private static final Logger LOG = LoggerFactory.getLogger(TcpService.class);
    private static final int BACKLOG = 4096;

    private final List<Channel> listeners;

    private TcpService(List<Channel> listeners) {
        this.listeners = listeners;
    }

    /** Binds the service's address and port; throws if a bind fails. */
    static TcpService bind(ServiceKey key, Forwarding fwd) throws InterruptedException {
        List<Channel> bound = new ArrayList<>();
        try {
            for (EventLoopGroup g : fwd.transport().listenerGroups()) {
                bound.add(bind(key, fwd, g));
            }
        } catch (Throwable e) {
            // sync() also rethrows the bind's IOException undeclared: close what is bound for every failure
            bound.forEach(Channel::close);
            throw e;
        }
        LOG.info("serving {}", key);
        return new TcpService(bound);
    }

    private static Channel bind(ServiceKey key, Forwarding fwd, EventLoopGroup group) throws InterruptedException {
        ForwarderOptions o = fwd.options();
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(fwd.transport().serverChannel())
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(o.bufferBytes() / 2, o.bufferBytes()))
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel client) {
                        new TcpSession(fwd, key, client).attach();
                    }
                });
        fwd.transport().freebind(b);
        fwd.transport().reusePort(b);
        return b.bind(new InetSocketAddress(key.address(), key.port())).sync().channel();
    }

    @Override
    public void stop() {
        listeners.forEach(ch -> ch.close().syncUninterruptibly());
    }
}
