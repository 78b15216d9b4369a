package org.lvsd.ipvs.table;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.lvsd.ipvs.ConnectionEntry;

/**
 * Connections and persistence templates with their timers (ip_vs_conn.c). Entries are hashed by
 * flow, templates by (service, masked client), as in ip_vs_conn_tab. A template whose timer runs out
 * while it still controls connections is re-armed for its full timeout, as ip_vs_conn_expire does;
 * otherwise it goes and its destination's persistent count drops.
 *
 * <p>Each entry has one timer, like the kernel's per-connection timer_list: a deadline-ordered queue
 * that {@link #expire} drains only up to the current time, so expiry costs O(log n) per entry that
 * is due instead of a scan of the table. Restarting a timer to a later time (every packet, as
 * ip_vs_conn_put does) only moves {@code expiresAt}; the queued deadline is checked when it comes up
 * and re-queued then. Moving it earlier (a shorter state timeout) queues a new deadline at once.
 */
final class ConnectionTable {
    private record Timer(long deadline, Connection entry) {
    }

    private static final Comparator<Timer> BY_DEADLINE = Comparator.comparingLong(Timer::deadline);

    private final Clock clock;
    /** Keyed by {@link Connection#slot}: its key, or a token of its own for an invalidated template. */
    private final Map<Object, Connection> entries = new LinkedHashMap<>();
    private final PriorityQueue<Timer> connectionTimers = new PriorityQueue<>(BY_DEADLINE);
    private final PriorityQueue<Timer> templateTimers = new PriorityQueue<>(BY_DEADLINE);
    /** Timers taken off the queues so far: the work expiry has done, for tests of its cost. */
    private long timersExamined;

    ConnectionTable(Clock clock) {
        this.clock = clock;
    }

    long now() {
        return clock.millis();
    }

    Connection get(Connection.Key key) {
        return entries.get(key);
    }

    /** Adds and binds: counts the entry on its destination (new connections start inactive). */
    void add(Connection c) {
        entries.put(c.slot, c);
        c.dest.bind(c.key.template(), c.active);
        if (c.control != null) {
            c.control.controlled++;
        }
        schedule(c);
    }

    /** ip_vs_conn_put: every use restarts the full timeout. */
    void touch(Connection c, long now) {
        c.expiresAt = now + c.timeoutMillis;
        schedule(c);
    }

    /** Queues the entry's deadline unless an earlier or equal one is queued already. */
    private void schedule(Connection c) {
        if (c.expiresAt < c.queuedDeadline) {
            c.queuedDeadline = c.expiresAt;
            (c.key.template() ? templateTimers : connectionTimers).add(new Timer(c.expiresAt, c));
        }
    }

    /**
     * ip_vs_check_template found the template's destination gone: the template is rehashed with
     * ports 0xffff (and client port 0) so no lookup finds it, keeps controlling its connections and
     * runs out on its own timer, which is not restarted.
     */
    void invalidate(Connection template) {
        if (entries.remove(template.slot) != null) {
            Connection.Key k = template.key;
            template.key = new Connection.Key(true, k.protocol(), k.clientAddress(), 0, k.virtualAddress(), 0xffff);
            template.destPort = 0xffff;
            template.slot = new Object();
            entries.put(template.slot, template);
        }
    }

    private void remove(Connection c) {
        entries.remove(c.slot);
        c.dest.unbind(c.key.template(), c.active);
        if (c.control != null) {
            c.control.controlled--;
        }
    }

    /** Expires connections first, then templates that control nothing. */
    void expire() {
        long now = now();
        for (Connection c = due(connectionTimers, now); c != null; c = due(connectionTimers, now)) {
            remove(c);
        }
        for (Connection c = due(templateTimers, now); c != null; c = due(templateTimers, now)) {
            if (c.controlled > 0) {
                rearm(c, now);
                schedule(c);
            } else {
                remove(c);
            }
        }
    }

    /**
     * The next entry of {@code timers} whose timer has run out by {@code now}, or null. Deadlines
     * superseded by an earlier one, or of entries gone, are dropped; an entry touched since its
     * deadline was queued is queued again for its current one.
     */
    private Connection due(PriorityQueue<Timer> timers, long now) {
        while (!timers.isEmpty() && timers.peek().deadline() <= now) {
            Timer t = timers.poll();
            timersExamined++;
            Connection c = t.entry();
            if (t.deadline() != c.queuedDeadline || entries.get(c.slot) != c) {
                continue;
            }
            c.queuedDeadline = Long.MAX_VALUE;
            if (c.expiresAt <= now) {
                return c;
            }
            schedule(c);
        }
        return null;
    }

    /** The timer fired at expiresAt and was re-armed for the full timeout, as often as needed. */
    private static void rearm(Connection c, long now) {
        long step = Math.max(1, c.timeoutMillis);
        long periods = (now - c.expiresAt) / step + 1;
        c.expiresAt += periods * step;
    }

    long timersExamined() {
        return timersExamined;
    }

    List<ConnectionEntry> entries() {
        long now = now();
        List<ConnectionEntry> out = new ArrayList<>(entries.size());
        entries.values().forEach(c -> out.add(c.entry(now)));
        return out;
    }
}
