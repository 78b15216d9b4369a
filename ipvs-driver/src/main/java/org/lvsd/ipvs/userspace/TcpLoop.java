package org.lvsd.ipvs.userspace;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.util.concurrent.EventExecutor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the TCP sessions of one event loop share, touched only by that loop's thread: the relay
 * buffer every read goes into and every relayed write comes from (so a connection holds no buffer
 * of its own unless a write to its peer is short), the {@link SessionSweep}, the
 * {@link ConnectDeadlines} of the connects under way, and the sockets waiting to be closed.
 *
 * <p>Sockets close after the loop has handled the whole batch of events of its epoll_wait(2), not
 * in the middle of it: close(2) frees the descriptor's number, an accept4 or socket call later in
 * the same batch may get that number again, and an event of the batch still meant for the old
 * socket would then reach the new one (the registrations are keyed by descriptor number).
 */
final class TcpLoop {
    /** The relay buffer's size when the per-direction buffer bound is larger. */
    static final int RELAY_BUFFER_BYTES = 64 * 1024;

    private final IoEventLoop loop;
    private final SessionSweep sweep;
    private final ConnectDeadlines connects;
    private final ByteBuffer buffer;
    private final List<SessionSocket> closing = new ArrayList<>();
    private final Runnable closeAll = this::closeAll;
    /** Connections given to this loop and not yet ended: raised by the accepting loop, lowered here. */
    private final AtomicInteger connections = new AtomicInteger();

    private TcpLoop(IoEventLoop loop, ForwarderOptions options) {
        this.loop = loop;
        this.sweep = SessionSweep.start(loop);
        this.connects = new ConnectDeadlines(TimeUnit.MILLISECONDS.toNanos(options.connectTimeoutMillis()),
                System::nanoTime, (task, delayNanos) -> loop.schedule(task, delayNanos, TimeUnit.NANOSECONDS));
        this.buffer = ByteBuffer.allocateDirect(Math.min(options.bufferBytes(), RELAY_BUFFER_BYTES));
    }

    /**
     * The TCP state of every loop of {@code group}, keyed by the loop; the buffer option bounds the
     * relay buffer, so a session never holds more than that toward one side.
     */
    static Map<EventExecutor, TcpLoop> start(EventLoopGroup group, ForwarderOptions options) {
        Map<EventExecutor, TcpLoop> loops = new HashMap<>();
        for (EventExecutor e : group) {
            loops.put(e, new TcpLoop((IoEventLoop) e, options));
        }
        return Map.copyOf(loops);
    }

    IoEventLoop eventLoop() {
        return loop;
    }

    SessionSweep sweep() {
        return sweep;
    }

    ConnectDeadlines connects() {
        return connects;
    }

    /** The relay buffer; its position and limit mean nothing, reads and writes give offsets. */
    ByteBuffer buffer() {
        return buffer;
    }

    /** A connection accepted for this loop (on any loop's thread). */
    void assigned() {
        connections.incrementAndGet();
    }

    /** A connection of this loop ended (refused or closed). */
    void ended() {
        connections.decrementAndGet();
    }

    /** Connections given to this loop and not yet ended. */
    int connections() {
        return connections.get();
    }

    /** Closes {@code s} once this batch of events is handled (at once if the loop is stopping). */
    void closeLater(SessionSocket s) {
        if (loop.isShuttingDown()) {
            s.closeNow();
            return;
        }
        if (closing.isEmpty()) {
            loop.execute(closeAll);
        }
        closing.add(s);
    }

    private void closeAll() {
        for (SessionSocket s : closing) {
            s.closeNow();
        }
        closing.clear();
    }
}
