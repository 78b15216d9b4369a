package org.lvsd.healthcheck.schedule;

import java.util.List;
import org.lvsd.healthcheck.decision.HealthEvent;

/**
 * Receives one batch of transitions (never empty) whenever a result, a slow-start tick or a
 * lifecycle step changes something. Called while the monitor is locked: do not block; hand the
 * batch to another thread if the work is slow.
 */
@FunctionalInterface
public interface HealthListener {

    void onEvents(List<HealthEvent> events);
}
