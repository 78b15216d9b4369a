package org.lvsd.vrrp.track;

import java.util.Optional;

/**
 * Turns raw script exit results into tracker statuses with rise/fall hysteresis. Without
 * {@code init_fail} the first result decides at once; afterwards {@code fall} consecutive
 * failures are needed to fail and {@code rise} consecutive successes to recover.
 */
public final class ScriptResultFilter {

    private final ScriptParams params;
    private TrackerStatus status;
    private int streak;

    public ScriptResultFilter(ScriptParams params) {
        this.params = params;
        this.status = params.initFail() ? TrackerStatus.DOWN : TrackerStatus.UNKNOWN;
    }

    public TrackerStatus status() {
        return status;
    }

    /** Feeds one result; returns the new status when it changed. */
    public Optional<TrackerStatus> onResult(boolean success) {
        TrackerStatus next = status;
        if (status == TrackerStatus.UNKNOWN) {
            next = success ? TrackerStatus.UP : TrackerStatus.DOWN;
        } else if (success == (status == TrackerStatus.UP)) {
            streak = 0;
        } else if (++streak >= (success ? params.rise() : params.fall())) {
            next = success ? TrackerStatus.UP : TrackerStatus.DOWN;
        }
        if (next == status) {
            return Optional.empty();
        }
        status = next;
        streak = 0;
        return Optional.of(next);
    }
}
