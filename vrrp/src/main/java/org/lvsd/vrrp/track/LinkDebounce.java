package org.lvsd.vrrp.track;

import java.time.Duration;
import java.util.function.Consumer;
import org.lvsd.vrrp.time.Scheduler;

/**
 * keepalived {@code interface_up_down_delays} (reference §2.13 debounce): a link change is
 * reported only after it has lasted the down (or up) delay; a flap back within the delay is
 * never reported. Zero delays report at once. Run on the scheduler's thread.
 */
public final class LinkDebounce {

    private final Scheduler scheduler;
    private final Duration downDelay;
    private final Duration upDelay;
    private final Consumer<TrackerStatus> out;
    private TrackerStatus reported;
    private Scheduler.Cancellable pending;

    /** {@code out} receives UP / DOWN; {@code initial} is the state already known to the tracker. */
    public LinkDebounce(Scheduler scheduler, Duration downDelay, Duration upDelay, TrackerStatus initial,
                        Consumer<TrackerStatus> out) {
        if (downDelay.isNegative() || upDelay.isNegative()) {
            throw new IllegalArgumentException("negative debounce delay");
        }
        if (initial != TrackerStatus.UP && initial != TrackerStatus.DOWN) {
            throw new IllegalArgumentException("a link is up or down, not " + initial);
        }
        this.scheduler = scheduler;
        this.downDelay = downDelay;
        this.upDelay = upDelay;
        this.reported = initial;
        this.out = out;
    }

    /**
     * keepalived clamps the delays below (down_timer_adverts - 1) × advert_int so a peer's
     * backup cannot time out before we report our own link down.
     */
    public static Duration clamp(Duration delay, int downTimerAdverts, Duration advertInterval) {
        Duration limit = advertInterval.multipliedBy(Math.max(0, downTimerAdverts - 1));
        return delay.compareTo(limit) < 0 ? delay : limit;
    }

    /** A raw link event (e.g. from rtnetlink). */
    public void onLink(boolean up) {
        TrackerStatus seen = up ? TrackerStatus.UP : TrackerStatus.DOWN;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        if (seen == reported) {
            return;
        }
        Duration delay = up ? upDelay : downDelay;
        if (delay.isZero()) {
            report(seen);
        } else {
            pending = scheduler.schedule(delay, () -> {
                pending = null;
                report(seen);
            });
        }
    }

    private void report(TrackerStatus status) {
        reported = status;
        out.accept(status);
    }
}
