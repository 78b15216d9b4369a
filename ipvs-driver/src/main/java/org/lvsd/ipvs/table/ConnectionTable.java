package org.lvsd.ipvs.table;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lvsd.ipvs.ConnectionEntry;

/**
 * Connections and persistence templates with their timers (ip_vs_conn.c). A template whose timer
 * runs out while it still controls connections is re-armed for its full timeout, as
 * ip_vs_conn_expire does; otherwise it goes and its destination's persistent count drops.
 */
final class ConnectionTable {
    private final Clock clock;
    /** Keyed by {@link Connection.Key}; invalidated templates by a token of their own. */
    private final Map<Object, Connection> entries = new LinkedHashMap<>();

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
        entries.put(c.key, c);
        c.dest.bind(c.key.template(), c.active);
        if (c.control != null) {
            c.control.controlled++;
        }
    }

    /**
     * ip_vs_check_template found the template's destination gone: the template is rehashed with
     * ports 0xffff (and client port 0) so no lookup finds it, keeps controlling its connections and
     * runs out on its own timer, which is not restarted.
     */
    void invalidate(Connection template) {
        if (entries.remove(template.key) != null) {
            Connection.Key k = template.key;
            template.key = new Connection.Key(true, k.protocol(), k.clientAddress(), 0, k.virtualAddress(), 0xffff);
            template.destPort = 0xffff;
            entries.put(new Object(), template);
        }
    }

    private static void unbind(Connection c) {
        c.dest.unbind(c.key.template(), c.active);
        if (c.control != null) {
            c.control.controlled--;
        }
    }

    /** Expires connections first, then templates that control nothing. */
    void expire() {
        long now = now();
        for (Iterator<Connection> it = entries.values().iterator(); it.hasNext(); ) {
            Connection c = it.next();
            if (!c.key.template() && c.expiresAt <= now) {
                it.remove();
                unbind(c);
            }
        }
        for (Iterator<Connection> it = entries.values().iterator(); it.hasNext(); ) {
            Connection c = it.next();
            if (c.key.template() && c.expiresAt <= now) {
                if (c.controlled > 0) {
                    rearm(c, now);
                } else {
                    it.remove();
                    unbind(c);
                }
            }
        }
    }

    /** The timer fired at expiresAt and was re-armed for the full timeout, as often as needed. */
    private static void rearm(Connection c, long now) {
        long step = Math.max(1, c.timeoutMillis);
        long periods = (now - c.expiresAt) / step + 1;
        c.expiresAt += periods * step;
    }

    List<ConnectionEntry> entries() {
        long now = now();
        List<ConnectionEntry> out = new ArrayList<>(entries.size());
        entries.values().forEach(c -> out.add(c.entry(now)));
        return out;
    }
}
