package org.lvsd.controller.metrics;

import static org.lvsd.controller.metrics.MeterFamily.Kind.COUNTER;
import static org.lvsd.controller.metrics.MeterFamily.Kind.GAUGE;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import org.lvsd.controller.reconcile.ReconcileStats;

/** The reconciler's families ({@code lvsd_ipvs_reconcile_*}) and {@code lvsd_reloads_total{result}}. */
final class ControllerMeters {

    private final MeterFamily changes;
    private final MeterFamily drift;
    private final MeterFamily failures;
    private final MeterFamily lastDuration;
    private final MeterFamily reloads;

    ControllerMeters(MeterRegistry registry) {
        changes = new MeterFamily(registry, "lvsd.ipvs.reconcile.changes", "IPVS changes applied", COUNTER);
        drift = new MeterFamily(registry, "lvsd.ipvs.reconcile.drift",
                "Applied changes that undid a change someone else made to lvsd's entries", COUNTER);
        failures = new MeterFamily(registry, "lvsd.ipvs.reconcile.failures",
                "Driver errors while reconciling: refused changes, failed table reads", COUNTER);
        lastDuration = new MeterFamily(registry, "lvsd.ipvs.reconcile.last.duration.seconds",
                "Duration of the last reconcile", GAUGE);
        reloads = new MeterFamily(registry, "lvsd.reloads", "Configuration reloads, by result", COUNTER);
    }

    void update(ReconcileStats stats, ReloadCounts reloadCounts) {
        changes.update(Map.of(Tags.empty(), (double) stats.appliedChanges()));
        drift.update(Map.of(Tags.empty(), (double) stats.repairs()));
        failures.update(Map.of(Tags.empty(), (double) stats.failures()));
        lastDuration.update(Map.of(Tags.empty(), stats.lastDuration().toNanos() / 1e9));
        reloads.update(Map.of(Tags.of("result", "success"), (double) reloadCounts.succeeded(),
                Tags.of("result", "failure"), (double) reloadCounts.failed()));
    }
}
