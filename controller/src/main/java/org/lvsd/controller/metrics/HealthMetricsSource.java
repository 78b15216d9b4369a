package org.lvsd.controller.metrics;

import java.util.List;

/** What the daemon tells the metrics about its health-checked pools; called once per scrape. */
@FunctionalInterface
public interface HealthMetricsSource {

    /** A snapshot of every virtual server's pool. */
    List<PoolSnapshot> pools();
}
