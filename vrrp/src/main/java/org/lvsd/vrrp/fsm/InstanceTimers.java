package org.lvsd.vrrp.fsm;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.lvsd.vrrp.codec.VrrpAdvert;
import org.lvsd.vrrp.codec.VrrpVersion;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.time.Scheduler;

/**
 * The RFC 5798 §6.1-§6.2 timers of one instance: Master_Down_Timer, Adver_Timer and the
 * Master_Adver_Interval they derive from (our own interval, or in a v3 backup the master's,
 * RFC 5798 §6.4.2).
 */
final class InstanceTimers {

    private final InstanceParams params;
    private final Scheduler scheduler;
    private final long ownIntervalMicros;
    private long masterAdverIntervalMicros;
    private Scheduler.Cancellable downTimer;
    private Scheduler.Cancellable advertTimer;

    InstanceTimers(InstanceParams params, Scheduler scheduler) {
        this.params = params;
        this.scheduler = scheduler;
        this.ownIntervalMicros = params.advertInterval().toNanos() / 1000;
        this.masterAdverIntervalMicros = ownIntervalMicros;
    }

    Duration masterAdverInterval() {
        return Duration.of(masterAdverIntervalMicros, ChronoUnit.MICROS);
    }

    long ownIntervalMicros() {
        return ownIntervalMicros;
    }

    /** RFC 5798 §6.4.2: a v3 backup sets Master_Adver_Interval from the advert. */
    void adopt(VrrpAdvert advert) {
        if (params.version() == VrrpVersion.V3) {
            masterAdverIntervalMicros = advert.advertInterval() * 10_000L;
        }
    }

    /** Back to our own interval (becoming MASTER, leaving FAULT). */
    void resetInterval() {
        masterAdverIntervalMicros = ownIntervalMicros;
    }

    long skewMicros(int priority) {
        return VrrpTimers.skewMicros(params.version(), priority, masterAdverIntervalMicros);
    }

    long masterDownMicros(int priority) {
        return VrrpTimers.masterDownMicros(params.version(), priority, masterAdverIntervalMicros,
                params.downTimerAdverts());
    }

    boolean downTimerArmed() {
        return downTimer != null;
    }

    /** (Re)arms Master_Down_Timer; {@code onExpiry} runs once unless re-armed or cancelled first. */
    void armDown(long micros, Runnable onExpiry) {
        cancelDown();
        downTimer = scheduler.schedule(Duration.of(micros, ChronoUnit.MICROS), () -> {
            downTimer = null;
            onExpiry.run();
        });
    }

    void cancelDown() {
        if (downTimer != null) {
            downTimer.cancel();
            downTimer = null;
        }
    }

    /** RFC 5798 §6.4.3: Adver_Timer fires every Advertisement_Interval while MASTER. */
    void startAdverts(Runnable send) {
        advertTimer = scheduler.schedule(params.advertInterval(), () -> {
            send.run();
            startAdverts(send);
        });
    }

    void stopAdverts() {
        if (advertTimer != null) {
            advertTimer.cancel();
            advertTimer = null;
        }
    }
}
