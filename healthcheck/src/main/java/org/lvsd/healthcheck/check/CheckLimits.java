package org.lvsd.healthcheck.check;

/**
 * Resource bounds shared by all probes.
 *
 * @param maxInFlight      probes running at once; further probes wait in a queue
 * @param maxResponseBytes bytes a probe reads before it fails (default 1 MiB)
 */
public record CheckLimits(int maxInFlight, int maxResponseBytes) {

    public CheckLimits {
        if (maxInFlight < 1 || maxResponseBytes < 1) {
            throw new IllegalArgumentException("limits must be >= 1");
        }
    }

    public static CheckLimits defaults() {
        return new CheckLimits(512, 1 << 20);
    }
}
