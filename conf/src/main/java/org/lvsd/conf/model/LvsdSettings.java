package org.lvsd.conf.model;

/**
 * lvsd's own {@code global_defs} additions.
 *
 * @param driver {@code lvs_driver} (default auto)
 * @param controlSocket {@code control_socket} (default /run/lvsd/lvsd.sock)
 * @param metricsListen {@code metrics_listen} (default 127.0.0.1:9650)
 */
public record LvsdSettings(LvsDriver driver, String controlSocket, HostPort metricsListen) {

    public static final LvsdSettings DEFAULTS =
            new LvsdSettings(LvsDriver.AUTO, "/run/lvsd/lvsd.sock", new HostPort("127.0.0.1", 9650));
}
