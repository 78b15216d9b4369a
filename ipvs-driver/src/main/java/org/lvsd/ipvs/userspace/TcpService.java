package org.lvsd.ipvs.userspace;

import io.netty.channel.IoEventLoop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lvsd.ipvs.ServiceKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening sockets of one TCP virtual service, one per event loop ({@link TcpListener}),
 * bound to VIP:port with IP_FREEBIND. Closing them stops new connections; connections already
 * accepted go on until they end (draining).
 */
final class TcpService implements ServiceListener {
    private static final Logger LOG = LoggerFactory.getLogger(TcpService.class);

    private final List<TcpListener> listeners;

    private TcpService(List<TcpListener> listeners) {
        this.listeners = listeners;
    }

    /** Binds the service's address and port on every loop; throws if a bind fails. */
    static TcpService bind(ServiceKey key, Forwarding fwd) throws IOException, InterruptedException {
        List<TcpListener> bound = new ArrayList<>();
        try {
            for (IoEventLoop loop : fwd.transport().loops()) {
                bound.add(TcpListener.open(fwd, key, fwd.loop(loop)));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            bound.forEach(TcpListener::stop);
            throw e;
        }
        LOG.info("serving {}", key);
        return new TcpService(bound);
    }

    @Override
    public void stop() {
        listeners.forEach(TcpListener::stop);
    }
}
