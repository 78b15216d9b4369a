package org.lvsd.controller.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import org.lvsd.ipvs.IpvsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's metrics: a Prometheus registry fed from the snapshot sources. Each
 * {@link #scrape()} reads every source once; a source that fails is logged and its series keep
 * their previous values, so one broken subsystem never empties the whole page. Thread-safe.
 */
public final class LvsdMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(LvsdMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final VrrpMetricsSource vrrp;
    private final HealthMetricsSource health;
    private final IpvsMetricsSource ipvs;
    private final ControllerMetricsSource controller;
    private final VrrpMeters vrrpMeters = new VrrpMeters(registry);
    private final HealthMeters healthMeters = new HealthMeters(registry);
    private final IpvsMeters ipvsMeters = new IpvsMeters(registry);
    private final ControllerMeters controllerMeters = new ControllerMeters(registry);

    public LvsdMetrics(VrrpMetricsSource vrrp, HealthMetricsSource health, IpvsMetricsSource ipvs,
                       ControllerMetricsSource controller) {
        this.vrrp = Objects.requireNonNull(vrrp, "vrrp");
        this.health = Objects.requireNonNull(health, "health");
        this.ipvs = Objects.requireNonNull(ipvs, "ipvs");
        this.controller = Objects.requireNonNull(controller, "controller");
    }

    /** Reads the sources and renders the Prometheus text exposition format 0.0.4. */
    public synchronized String scrape() {
        try {
            vrrpMeters.update(vrrp.instances());
        } catch (RuntimeException e) {
            LOG.warn("metrics: VRRP snapshot failed; keeping the previous values", e);
        }
        try {
            healthMeters.update(health.pools());
        } catch (RuntimeException e) {
            LOG.warn("metrics: health snapshot failed; keeping the previous values", e);
        }
        try {
            ipvsMeters.update(ipvs.services());
        } catch (IpvsException | RuntimeException e) {
            LOG.warn("metrics: IPVS listing failed; keeping the previous values: {}", e.toString());
        }
        try {
            controllerMeters.update(controller.reconcileStats(), controller.reloads());
        } catch (RuntimeException e) {
            LOG.warn("metrics: controller snapshot failed; keeping the previous values", e);
        }
        return registry.scrape();
    }
}
