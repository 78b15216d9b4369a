package org.lvsd.controller.metrics;

/**
 * Reloads since start.
 *
 * @param succeeded reloads that applied the new configuration
 * @param failed    reloads refused (for example an invalid configuration) or failed
 */
public record ReloadCounts(long succeeded, long failed) {

    /** No reload yet. */
    public static final ReloadCounts ZERO = new ReloadCounts(0, 0);
}
