package org.lvsd.healthcheck.decision;

/**
 * Up/down state with separate thresholds: {@code rise} consecutive successes bring a down
 * state up, {@code fall} consecutive failures bring an up state down. A success resets the
 * failure count and a failure the success count. Not thread-safe.
 */
public final class Hysteresis {

    private final int rise;
    private final int fall;
    private boolean up;
    private int successes;
    private int failures;

    public Hysteresis(int rise, int fall, boolean initiallyUp) {
        if (rise < 1 || fall < 1) {
            throw new IllegalArgumentException("rise and fall must be >= 1");
        }
        this.rise = rise;
        this.fall = fall;
        this.up = initiallyUp;
    }

    public boolean up() {
        return up;
    }

    /** Consecutive failures counted while still up (0 when down). */
    public int pendingFailures() {
        return failures;
    }

    /** Consecutive successes counted while still down (0 when up). */
    public int pendingSuccesses() {
        return successes;
    }

    /**
     * Records one observation.
     *
     * @return whether the state changed
     */
    public boolean record(boolean ok) {
        if (ok) {
            failures = 0;
            if (up) {
                return false;
            }
            if (++successes >= rise) {
                up = true;
                successes = 0;
                return true;
            }
            return false;
        }
        successes = 0;
        if (!up) {
            return false;
        }
        if (++failures >= fall) {
            up = false;
            failures = 0;
            return true;
        }
        return false;
    }

    /**
     * Goes down at once, whatever the count.
     *
     * @return whether the state changed
     */
    public boolean forceDown() {
        successes = 0;
        failures = 0;
        boolean changed = up;
        up = false;
        return changed;
    }
}
