package org.lvsd.ipvs.userspace;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import java.util.Map;
import java.util.function.Supplier;
import org.lvsd.ipvs.Timeouts;

/**
 * What every listener and connection of one forwarder shares.
 *
 * @param sweeps the {@link SessionSweep} of each of the transport's event loops
 */
record Forwarding(Transport transport, ForwarderOptions options, FlowTable table, Supplier<Timeouts> timeouts,
                  Map<EventExecutor, SessionSweep> sweeps) {

    /** The sweep of the sessions on {@code loop}. */
    SessionSweep sweep(EventLoop loop) {
        return SessionSweep.of(sweeps, loop);
    }
}
