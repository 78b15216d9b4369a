package org.lvsd.ipvs.table;

import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.sched.Candidate;

/** A destination inside the in-memory table: settings, counters and the overload flag. */
final class DestState {
    Destination config;
    int lastWeight;
    int activeConns;
    int inactConns;
    int persistConns;
    boolean overloaded;
    boolean available = true;
    Stats stats = Stats.ZERO;
    final RateEstimator estimator = new RateEstimator();
    /** The service the destination belongs to; its statistics count this destination's traffic. */
    ServiceState owner;
    /** When a destination in the trash was first seen without connections, 0 until then. */
    long idleStart;

    DestState(Destination config, ServiceState owner) {
        this.config = config;
        this.lastWeight = config.weight();
        this.owner = owner;
    }

    /**
     * __ip_vs_update_dest: new settings; last_weight takes the weight on add (a revival from the
     * trash) and otherwise keeps the latest non-zero weight.
     */
    void reconfigure(Destination updated, boolean add) {
        if (add || updated.weight() != 0) {
            lastWeight = updated.weight();
        }
        if (updated.upperThreshold() == 0 || updated.upperThreshold() > config.upperThreshold()) {
            overloaded = false;
        }
        config = updated;
    }

    /** No connection or template refers to the destination any more. */
    boolean unreferenced() {
        return activeConns == 0 && inactConns == 0 && persistConns == 0;
    }

    int totalConns() {
        return activeConns + inactConns;
    }

    /** ip_vs_bind_dest: count a new connection or template, then check the upper threshold. */
    void bind(boolean template, boolean active) {
        if (template) {
            persistConns++;
        } else if (active) {
            activeConns++;
        } else {
            inactConns++;
        }
        int upper = config.upperThreshold();
        if (upper != 0 && totalConns() >= upper) {
            overloaded = true;
        }
    }

    /** ip_vs_unbind_dest: uncount, then clear OVERLOAD below the lower threshold (or 3/4 of the upper). */
    void unbind(boolean template, boolean active) {
        if (template) {
            persistConns--;
        } else if (active) {
            activeConns--;
        } else {
            inactConns--;
        }
        int lower = config.lowerThreshold();
        int upper = config.upperThreshold();
        if (lower != 0) {
            if (totalConns() < lower) {
                overloaded = false;
            }
        } else if (upper != 0) {
            if ((long) totalConns() * 4 < (long) upper * 3) {
                overloaded = false;
            }
        } else {
            overloaded = false;
        }
    }

    /** A connection changed between active and inactive. */
    void move(boolean nowActive) {
        if (nowActive) {
            inactConns--;
            activeConns++;
        } else {
            activeConns--;
            inactConns++;
        }
    }

    Candidate candidate() {
        return new Candidate(config.server(), config.weight(), lastWeight, activeConns, inactConns, overloaded);
    }

    DestinationEntry entry() {
        return new DestinationEntry(config, activeConns, inactConns, persistConns, estimator.read(stats));
    }
}
