package org.lvsd.vrrp.rx;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.lvsd.vrrp.codec.RejectReason;

/**
 * Receive statistics of one instance; written on the event thread, readable from any thread
 * (metrics). Invariant: {@code received = accepted + sum of rejected}.
 */
public final class ReceiveCounters {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLongArray rejected = new AtomicLongArray(RejectReason.values().length);
    private final AtomicLongArray warnings = new AtomicLongArray(ReceiveWarning.values().length);

    void countReceived() {
        received.incrementAndGet();
    }

    void countAccepted() {
        accepted.incrementAndGet();
    }

    void countRejected(RejectReason reason) {
        rejected.incrementAndGet(reason.ordinal());
    }

    void countWarning(ReceiveWarning warning) {
        warnings.incrementAndGet(warning.ordinal());
    }

    public long received() {
        return received.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public long rejected(RejectReason reason) {
        return rejected.get(reason.ordinal());
    }

    public long warnings(ReceiveWarning warning) {
        return warnings.get(warning.ordinal());
    }

    /** Every reason with its count, zeros included, in declaration order. */
    public Map<RejectReason, Long> rejectedSnapshot() {
        Map<RejectReason, Long> out = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            out.put(r, rejected(r));
        }
        return out;
    }

    public long rejectedTotal() {
        long sum = 0;
        for (int i = 0; i < rejected.length(); i++) {
            sum += rejected.get(i);
        }
        return sum;
    }
}
