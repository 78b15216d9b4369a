package org.lvsd.healthcheck.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lvsd.healthcheck.WeightEffect;
import org.lvsd.healthcheck.spec.RealServerSpec;

/**
 * One real server: its checkers, whether it is up (all checkers up), the weight last
 * announced and the start of a slow-start ramp.
 */
final class RealServerState {

    private final RealServerSpec spec;
    private final List<CheckerState> checkers;
    private final SlowStart slowStart;
    private boolean up;
    private Instant rampSince;
    private int announcedWeight;

    RealServerState(RealServerSpec spec, List<CheckerState> checkers, boolean up,
                    Instant rampSince, Instant now) {
        if (checkers.size() != spec.checkers().size()) {
            throw new IllegalArgumentException("one state per checker");
        }
        this.spec = spec;
        this.checkers = List.copyOf(checkers);
        this.slowStart = new SlowStart(spec.slowStart());
        this.up = up;
        this.rampSince = rampSince;
        this.announcedWeight = up ? currentWeight(now) : 0;
    }

    static RealServerState initial(RealServerSpec spec, Instant now) {
        List<CheckerState> states = new ArrayList<>();
        spec.checkers().forEach(c -> states.add(CheckerState.initial(c)));
        boolean up = states.stream().allMatch(CheckerState::up);
        return new RealServerState(spec, states, up, null, now);
    }

    RealServerSpec spec() {
        return spec;
    }

    List<CheckerState> checkers() {
        return checkers;
    }

    boolean up() {
        return up;
    }

    boolean allCheckersUp() {
        for (CheckerState c : checkers) {
            if (!c.up()) {
                return false;
            }
        }
        return true;
    }

    /** What this server adds to the pool's alive weight: its effective weight while up. */
    long aliveWeight() {
        return up ? effectiveWeight() : 0;
    }

    Instant rampSince() {
        return rampSince;
    }

    int announcedWeight() {
        return announcedWeight;
    }

    void announce(int weight) {
        announcedWeight = weight;
    }

    /** Marks the server up (starting a ramp when slow start is on) or down. */
    void setUp(boolean value, Instant now) {
        up = value;
        rampSince = value && !spec.slowStart().isZero() ? now : null;
    }

    /** Configured weight with the dynamic checkers' effects, never below 0. */
    int effectiveWeight() {
        long weight = spec.weight();
        for (CheckerState c : checkers) {
            if (c.weight().kind() == WeightEffect.Kind.SET) {
                weight = c.weight().value();
            }
        }
        for (CheckerState c : checkers) {
            if (c.weight().kind() == WeightEffect.Kind.ADD) {
                weight += c.weight().value();
            }
        }
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, weight));
    }

    /** The weight to use now: the effective weight, ramped during slow start. */
    int currentWeight(Instant now) {
        int target = effectiveWeight();
        if (rampSince == null) {
            return target;
        }
        if (slowStart.finished(rampSince, now)) {
            rampSince = null;
            return target;
        }
        return slowStart.weight(target, rampSince, now);
    }

    boolean ramping() {
        return rampSince != null;
    }

    /** The reason of the first failing checker, else of the last checker that reported. */
    String failureReason() {
        for (CheckerState c : checkers) {
            if (!c.up()) {
                return c.spec().kind() + ": " + c.reason();
            }
        }
        return "all checkers up";
    }
}
