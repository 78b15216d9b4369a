package org.lvsd.ipvs.userspace;

import io.netty.util.concurrent.EventExecutor;
import java.util.Map;
import java.util.function.Supplier;
import org.lvsd.ipvs.Timeouts;

/**
 * What every listener and connection of one forwarder shares.
 *
 * @param loops the {@link TcpLoop} of each of the transport's event loops
 */
record Forwarding(Transport transport, ForwarderOptions options, FlowTable table, Supplier<Timeouts> timeouts,
                  Map<EventExecutor, TcpLoop> loops) {

    /** The TCP state of {@code loop}, which must be one of the transport's loops. */
    TcpLoop loop(EventExecutor loop) {
        TcpLoop l = loops.get(loop);
        if (l == null) {
            throw new IllegalStateException("no TCP state on " + loop);
        }
        return l;
    }

    /**
     * The loop a connection accepted on {@code own} goes to: {@code own} unless another loop has
     * fewer connections. SO_REUSEPORT spreads connections over the loops' listeners by a hash of
     * their addresses, blind to how many each loop serves; this evens that out, as haproxy gives
     * each accepted connection to its less loaded thread.
     */
    TcpLoop lessLoaded(TcpLoop own) {
        TcpLoop best = own;
        int least = own.connections();
        for (TcpLoop l : loops.values()) {
            int n = l.connections();
            if (n < least) {
                best = l;
                least = n;
            }
        }
        return best;
    }
}
