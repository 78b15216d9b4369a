package org.lvsd.controller.metrics;

import java.util.List;

/** What the daemon tells the metrics about its VRRP instances; called once per scrape. */
@FunctionalInterface
public interface VrrpMetricsSource {

    /** A snapshot of every running instance. */
    List<VrrpInstanceSnapshot> instances();
}
