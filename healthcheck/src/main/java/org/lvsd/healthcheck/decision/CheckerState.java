package org.lvsd.healthcheck.decision;

import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.WeightEffect;
import org.lvsd.healthcheck.spec.CheckTiming;
import org.lvsd.healthcheck.spec.CheckerSpec;

/**
 * One checker's state: its {@link Hysteresis}, keepalived's "one failure is enough initially"
 * rule for a non-alpha checker, the last reason and the last weight it asked for.
 */
final class CheckerState {

    private final CheckerSpec spec;
    private final Hysteresis hysteresis;
    private boolean observed;
    private String reason;
    private WeightEffect weight = WeightEffect.none();

    CheckerState(CheckerSpec spec, boolean initiallyUp) {
        this.spec = spec;
        CheckTiming t = spec.timing();
        this.hysteresis = new Hysteresis(t.riseThreshold(), t.failThreshold(), initiallyUp);
        this.reason = initiallyUp ? "initial state up" : "alpha: waiting for a first success";
    }

    /** A fresh checker as configured: up unless {@code alpha}. */
    static CheckerState initial(CheckerSpec spec) {
        return new CheckerState(spec, !spec.timing().alpha());
    }

    CheckerSpec spec() {
        return spec;
    }

    boolean up() {
        return hysteresis.up();
    }

    /** Whether the checker is up but has failed and is re-checking (delay_before_retry). */
    boolean retrying() {
        return hysteresis.up() && hysteresis.pendingFailures() > 0;
    }

    String reason() {
        return reason;
    }

    /** The weight effect in force: the last one reported while passing. */
    WeightEffect weight() {
        return weight;
    }

    /**
     * Records one result.
     *
     * @return whether the checker's up/down state changed
     */
    boolean record(CheckResult result) {
        boolean first = !observed;
        observed = true;
        reason = result.reason();
        if (result.ok()) {
            weight = result.weight();
        }
        if (!result.ok() && first && spec.timing().keepalivedRetry()) {
            return hysteresis.forceDown();
        }
        return hysteresis.record(result.ok());
    }
}
