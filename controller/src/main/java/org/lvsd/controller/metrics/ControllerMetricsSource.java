package org.lvsd.controller.metrics;

import org.lvsd.controller.reconcile.ReconcileStats;

/** The daemon's own counters; called once per scrape. */
public interface ControllerMetricsSource {

    /** The reconciler's counters ({@code Reconciler::stats}). */
    ReconcileStats reconcileStats();

    /** Reloads since start, by result. */
    ReloadCounts reloads();
}
