package org.lvsd.ipvs.userspace;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The TCP sessions of one event loop, visited once every {@link #PERIOD_MILLIS} by one timer of
 * that loop: each hands its batched byte counts to the table and closes when idle past its
 * timeout. One timer per loop instead of an idle timer and a count timer per connection, which
 * cost a scheduled task each (allocation, priority-queue insert and cancel) for every
 * connection. Sessions are linked into the loop's list without allocation; only the loop's own
 * thread touches the list.
 */
final class SessionSweep {
    /** Idle timeouts fire up to this late; counts reach the table at most this late. */
    static final long PERIOD_MILLIS = 1000;

    private TcpSession head;

    private SessionSweep() {
    }

    /** One sweep per loop of {@code group}, each running on its loop; keyed by the loop. */
    static Map<EventExecutor, SessionSweep> start(EventLoopGroup group) {
        Map<EventExecutor, SessionSweep> sweeps = new IdentityHashMap<>();
        for (EventExecutor loop : group) {
            SessionSweep s = new SessionSweep();
            loop.scheduleAtFixedRate(s::sweep, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            sweeps.put(loop, s);
        }
        return Map.copyOf(sweeps);
    }

    /** The sweep of {@code loop}, which must belong to the group the sweeps were started on. */
    static SessionSweep of(Map<EventExecutor, SessionSweep> sweeps, EventLoop loop) {
        SessionSweep s = sweeps.get(loop);
        if (s == null) {
            throw new IllegalStateException("no session sweep on " + loop);
        }
        return s;
    }

    void add(TcpSession s) {
        s.sweepNext = head;
        s.sweepPrev = null;
        if (head != null) {
            head.sweepPrev = s;
        }
        head = s;
    }

    void remove(TcpSession s) {
        if (s.sweepPrev != null) {
            s.sweepPrev.sweepNext = s.sweepNext;
        } else if (head == s) {
            head = s.sweepNext;
        } else {
            return;
        }
        if (s.sweepNext != null) {
            s.sweepNext.sweepPrev = s.sweepPrev;
        }
        s.sweepNext = null;
        s.sweepPrev = null;
    }

    private void sweep() {
        long now = System.nanoTime();
        for (TcpSession s = head, next; s != null; s = next) {
            next = s.sweepNext;
            s.tick(now);
        }
    }
}
