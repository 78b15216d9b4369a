package org.lvsd.vrrp.rx;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lvsd.vrrp.time.Scheduler;

/**
 * Decides which receive problems get a log line (RFC 9568 §7.1: rate-limit such logs): at most
 * one per key (reason and sender) per interval, reporting how many were suppressed in between.
 * The key table is bounded so spoofed senders cannot grow it.
 */
public final class RateLimitedLog {

    static final int MAX_KEYS = 256;

    private record Key(Object kind, InetAddress sender) {
    }

    private record Entry(long lastNanos, long suppressed) {
    }

    private final Scheduler clock;
    private final long intervalNanos;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public RateLimitedLog(Scheduler clock, Duration interval) {
        this.clock = clock;
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Returns -1 if this occurrence of {@code kind} (a reject reason or warning) from
     * {@code sender} must stay silent, else the number of occurrences suppressed since the last
     * line for the same pair (0 for the first one).
     */
    public long admit(Object kind, InetAddress sender) {
        Key key = new Key(kind, sender);
        long now = clock.nanoTime();
        Entry e = entries.get(key);
        if (e != null && now - e.lastNanos() < intervalNanos) {
            entries.put(key, new Entry(e.lastNanos(), e.suppressed() + 1));
            return -1;
        }
        entries.put(key, new Entry(now, 0));
        return e == null ? 0 : e.suppressed();
    }
}
