package org.lvsd.ipvs.userspace;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The TCP sessions of one event loop, visited once every {@link #PERIOD_MILLIS} by one timer of
 * that loop: each hands its batched byte counts to the table and closes when idle past its
 * timeout. One timer per loop instead of an idle and a count timer per connection, which cost a
 * scheduled task each (allocation, priority-queue insert and cancel) for every connection; a
 * second late is fine for idle timeouts of seconds or more. The connect timeout, usually much
 * shorter and meant to fail a dead server fast, is kept on time by the loop's {@link
 * ConnectDeadlines} instead. Sessions are linked into the loop's list without allocation; only the
 * loop's own thread touches the list.
 */
final class SessionSweep {
    /** Idle timeouts fire up to this late; counts reach the table at most this late. */
    static final long PERIOD_MILLIS = 1000;

    private TcpSession head;

    private SessionSweep() {
    }

    /** A sweep of the sessions of {@code loop}, running on that loop. */
    static SessionSweep start(EventExecutor loop) {
        SessionSweep s = new SessionSweep();
        loop.scheduleAtFixedRate(s::sweep, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
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
