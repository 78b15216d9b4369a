package org.lvsd.vrrp.fsm;

import org.lvsd.vrrp.codec.VrrpVersion;

/**
 * Timer formulas in microseconds, integer arithmetic as keepalived computes them (so the
 * values match it exactly, e.g. 3,609,375 µs Master_Down at priority 100, 1 s).
 */
public final class VrrpTimers {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private VrrpTimers() {
    }

    /**
     * Skew_Time: v2 (RFC 3768 §6.1) (256 - priority) / 256 s whatever the interval;
     * v3 (RFC 5798 §6.1) ((256 - priority) * Master_Adver_Interval) / 256.
     */
    public static long skewMicros(VrrpVersion version, int priority, long masterAdverIntervalMicros) {
        long factor = 256L - priority;
        return version == VrrpVersion.V2
                ? factor * MICROS_PER_SECOND / 256
                : factor * masterAdverIntervalMicros / 256;
    }

    /** Master_Down_Interval (RFC 5798 §6.1) with keepalived's down_timer_adverts instead of 3. */
    public static long masterDownMicros(VrrpVersion version, int priority, long masterAdverIntervalMicros,
                                        int downTimerAdverts) {
        return downTimerAdverts * masterAdverIntervalMicros
                + skewMicros(version, priority, masterAdverIntervalMicros);
    }
}
