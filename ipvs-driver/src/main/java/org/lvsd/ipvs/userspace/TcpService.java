package org.lvsd.ipvs.userspace;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;
import org.lvsd.ipvs.ServiceKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket of one TCP virtual service, bound to VIP:port with IP_FREEBIND. Closing it
 * stops new connections; connections already accepted go on until they end (draining).
 */
final class TcpService implements ServiceListener {
    private static final Logger LOG = LoggerFactory.getLogger(TcpService.class);
    private static final int BACKLOG = 4096;

    private final Channel listener;

    private TcpService(Channel listener) {
        this.listener = listener;
    }

    /** Binds the service's address and port; throws if the bind fails. */
    static TcpService bind(ServiceKey key, Forwarding fwd) throws InterruptedException {
        ForwarderOptions o = fwd.options();
        ServerBootstrap b = new ServerBootstrap()
                .group(fwd.transport().group())
                .channel(fwd.transport().serverChannel())
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(o.bufferBytes() / 2, o.bufferBytes()))
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel client) {
                        new TcpSession(fwd, key, client).attach();
                    }
                });
        fwd.transport().freebind(b);
        Channel ch = b.bind(new InetSocketAddress(key.address(), key.port())).sync().channel();
        LOG.info("serving {}", key);
        return new TcpService(ch);
    }

    @Override
    public void stop() {
        listener.close().syncUninterruptibly();
    }
}
