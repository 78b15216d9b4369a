package org.lvsd.controller.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

import org.lvsd.vrrp.io.PcapAdvertTransport;
import org.lvsd.vrrp.rx.AdvertDispatcher;
import org.lvsd.vrrp.rx.AdvertReceiver;
import org.lvsd.vrrp.unicast.ReceivedIp;

/**
 * The multicast ports: one {@link PcapAdvertTransport} per interface and family, shared by the
 * instances there, and the {@link AdvertDispatcher} routing its adverts by VRID. Reloads re-route
 * a port to its new set of receivers ({@link #route}); a port left without receivers is closed.
 * Received adverts are dispatched on the port's loop.
 */
final class Ports implements AutoCloseable {

    private record Open(PcapAdvertTransport transport, Loop loop) {
    }

    private final Map<Port, Open> open = new ConcurrentHashMap<>();
    private final Map<Port, AdvertDispatcher> dispatchers = new ConcurrentHashMap<>();
    private final Set<Port> started = new HashSet<>();
    private volatile boolean receiving;

    /** The transport of {@code port} on {@code loop}, opened when missing (not receiving yet). */
    synchronized PcapAdvertTransport transport(Port port, Loop loop) throws IOException {
        Open o = open.get(port);
        if (o == null) {
            o = new Open(PcapAdvertTransport.open(port.iface(), port.family(), port.group()), loop);
            open.put(port, o);
        }
        return o.transport();
    }

    /**
     * Makes {@code receivers} the instances of each open port: a port not in the map is closed;
     * one with receivers gets a new dispatcher and, once {@link #startReceiving} ran, receives;
     * one without (unicast instances only send GARPs there) stays open for sending.
     */
    synchronized void route(Map<Port, List<AdvertReceiver>> receivers) {
        for (Port port : List.copyOf(open.keySet())) {
            List<AdvertReceiver> list = receivers.get(port);
            Open o = open.get(port);
            if (list == null) {
                dispatchers.remove(port);
                started.remove(port);
                open.remove(port);
                o.transport().close();
            } else if (list.isEmpty()) {
                dispatchers.remove(port);
            } else {
                dispatchers.put(port, new AdvertDispatcher(list));
                if (receiving) {
                    start(port, o);
                }
            }
        }
    }

    /** Starts receiving on every routed port, and on every port routed later. */
    synchronized void startReceiving() {
        receiving = true;
        open.forEach((port, o) -> {
            if (dispatchers.containsKey(port)) {
                start(port, o);
            }
        });
    }

    /** Starts the transport's receive loop once. */
    private void start(Port port, Open o) {
        if (started.add(port)) {
            o.transport().start(r -> dispatch(port, o.loop(), r));
        }
    }

    private void dispatch(Port port, Loop loop, ReceivedIp r) {
        try {
            loop.executor().execute(() -> {
                AdvertDispatcher d = dispatchers.get(port);
                if (d != null) {
                    d.dispatch(ByteBuffer.wrap(r.vrrp()), r.ip());
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the loop is closing: nothing left to hand the advert to
        }
    }

    @Override
    public synchronized void close() {
        open.values().forEach(o -> o.transport().close());
        open.clear();
        dispatchers.clear();
        started.clear();
    }
}
