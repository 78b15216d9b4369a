package org.lvsd.conf.model;

import java.time.Duration;

/**
 * lvsd's own {@code global_defs} additions.
 *
 * @param driver {@code lvs_driver} (default auto)
 * @param controlSocket {@code control_socket} (default /run/lvsd/lvsd.sock)
 * @param metricsListen {@code metrics_listen} (default 127.0.0.1:9650)
 * @param reconcileInterval {@code lvs_reconcile_interval}: how often the IPVS table is read back
 *     and drift made by others repaired (default 30 s)
 */
public record LvsdSettings(LvsDriver driver, String controlSocket, HostPort metricsListen,
        Duration reconcileInterval) {

    public static final LvsdSettings DEFAULTS = new LvsdSettings(LvsDriver.AUTO, "/run/lvsd/lvsd.sock",
            new HostPort("127.0.0.1", 9650), Duration.ofSeconds(30));

    public LvsdSettings withDriver(LvsDriver d) {
        return new LvsdSettings(d, controlSocket, metricsListen, reconcileInterval);
    }

    public LvsdSettings withControlSocket(String path) {
        return new LvsdSettings(driver, path, metricsListen, reconcileInterval);
    }

    public LvsdSettings withMetricsListen(HostPort listen) {
        return new LvsdSettings(driver, controlSocket, listen, reconcileInterval);
    }

    public LvsdSettings withReconcileInterval(Duration interval) {
        return new LvsdSettings(driver, controlSocket, metricsListen, interval);
    }
}
