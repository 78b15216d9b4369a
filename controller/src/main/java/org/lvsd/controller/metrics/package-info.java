/**
 * Prometheus metrics of the daemon, served over HTTP at {@code /metrics} on
 * {@code metrics_listen} in the Prometheus text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/).
 *
 * <p>The daemon implements the small snapshot interfaces ({@link org.lvsd.controller.metrics.VrrpMetricsSource},
 * {@link org.lvsd.controller.metrics.HealthMetricsSource}, {@link org.lvsd.controller.metrics.IpvsMetricsSource},
 * {@link org.lvsd.controller.metrics.ControllerMetricsSource}); every scrape reads one fresh snapshot of
 * each and publishes it through a Micrometer {@code PrometheusMeterRegistry}. Series whose object
 * disappeared (an instance or real server removed by a reload) disappear with it.
 *
 * <p>Names and labels follow the project's metric conventions (reference peers.md §B.4, prefix
 * {@code lvsd_}): VRRP names and the 0=INIT 1=BACKUP 2=MASTER 3=FAULT state encoding of the
 * keepalived exporter, node_exporter's IPVS backend labels, HAProxy's health-check semantics.
 * State is a gauge, never a label of a counter. The VRRP instance label is {@code iname}, because
 * Prometheus itself attaches {@code instance} to every scraped series.
 */
package org.lvsd.controller.metrics;
