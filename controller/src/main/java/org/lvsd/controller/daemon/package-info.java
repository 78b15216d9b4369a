/**
 * The lvsd daemon: reads the configuration ({@link org.lvsd.controller.daemon.LoadedConfig}), runs
 * every {@code vrrp_instance} on real interfaces ({@link org.lvsd.controller.daemon.VrrpDaemon}: one
 * single-threaded loop per interface, a pcap transport per interface and family, VIPs through
 * rtnetlink) and the LVS half when there are {@code virtual_server} blocks
 * ({@link org.lvsd.controller.daemon.LvsHalf}); serves the control socket
 * ({@link org.lvsd.controller.daemon.DaemonControl}) and the Prometheus metrics. Signals follow
 * keepalived (reference §4.2): SIGTERM / SIGINT stop (RFC 5798 §6.4.3 Shutdown: priority-0
 * advert, then VIPs removed), SIGHUP reloads as a diff ({@link org.lvsd.controller.daemon.Reloader},
 * {@link org.lvsd.controller.daemon.ReloadPlan}; keepalived reference §3.9), SIGUSR1 / SIGUSR2
 * write the state and statistics dumps ({@link org.lvsd.controller.daemon.Dumps}).
 */
package org.lvsd.controller.daemon;
