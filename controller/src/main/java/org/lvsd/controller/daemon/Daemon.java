package org.lvsd.controller.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.lvsd.conf.Diagnostic;
import org.lvsd.conf.model.GlobalDefs;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.controller.control.ControlServer;
import org.lvsd.controller.lvs.DriverSelector;
import org.lvsd.controller.metrics.ControllerMetricsSource;
import org.lvsd.controller.metrics.LvsdMetrics;
import org.lvsd.controller.metrics.MetricsServer;
import org.lvsd.controller.metrics.ReloadCounts;
import org.lvsd.controller.reconcile.ReconcileStats;
import org.lvsd.controller.systemd.SdNotify;
import org.lvsd.controller.systemd.WatchdogPinger;
import org.lvsd.ipvs.IpvsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lvsd} without {@code -t}: loads the configuration, runs its VRRP instances
 * ({@link VrrpDaemon}) and, when it has {@code virtual_server} blocks, the LVS half
 * ({@link LvsHalf}: health checks and the IPVS table on the driver {@code lvs_driver} selects),
 * serves the control socket on {@code control_socket} ({@link DaemonControl}) and the Prometheus
 * metrics on {@code metrics_listen}, and runs until SIGTERM or SIGINT; then stops VRRP first
 * (priority 0, VIPs removed), then LVS (its stop policy), and returns 0. The signal's own thread
 * only queues each instance's stop on its loop ({@link StopSignal}, {@link VrrpDaemon#handOffStops})
 * and wakes the main thread, which waits for those stops before it logs, tells systemd
 * {@code STOPPING} or closes anything, so no log line, socket or thread is in the priority-0
 * adverts' way. lvsd never forks.
 * SIGHUP and {@code lvsctl reload} reload through the {@link Reloader}; SIGUSR1 and SIGUSR2 write
 * the state and statistics dumps ({@link Dumps}). Configuration errors and start failures are one
 * line each on {@code err} and return 1. A control socket or metrics address that cannot be bound
 * is logged as an error and lvsd runs on without it: VRRP must never stop for them.
 */
public final class Daemon {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final PrintStream err;

    public Daemon(PrintStream err) {
        this.err = err;
    }

    /** Runs until a stop signal; the process exit status. */
    public int run(Path configFile, ParseOptions parse) {
        LoadedConfig loaded = LoadedConfig.load(configFile, parse);
        for (Diagnostic d : loaded.diagnostics()) {
            err.println(d);
        }
        if (loaded.hasErrors()) {
            err.println("lvsd: " + configFile + ": configuration errors, not starting");
            return 1;
        }
        KeepalivedConfig cfg = loaded.config().orElseThrow();
        VrrpDaemon vrrp;
        try {
            vrrp = VrrpDaemon.build(cfg);
        } catch (StartupException e) {
            err.println("lvsd: " + e.getMessage());
            return 1;
        }
        LvsHalf lvs = new LvsHalf(DriverSelector.system()::open, false);
        try {
            lvs.apply(cfg.global(), loaded.mapped());
        } catch (IpvsException e) {
            err.println("lvsd: lvs_driver " + cfg.global().lvsd().driver().name().toLowerCase(Locale.ROOT)
                    + ": cannot open IPVS: " + e.getMessage());
            vrrp.close();
            return 1;
        }
        // Type=notify (sd_notify(3)): READY once serving, RELOADING/READY around reloads, STOPPING at a stop signal.
        SdNotify systemd = SdNotify.fromEnvironment();
        Reloader reloader = new Reloader(configFile, parse, loaded, vrrp, lvs, systemd);
        DaemonControl control = new DaemonControl(vrrp, lvs, reloader);
        Dumps dumps = new Dumps(Clock.systemUTC(), control, vrrp, lvs, reloader::counts);
        GlobalDefs global = cfg.global();
        StopSignal stop = new StopSignal(vrrp::handOffStops);
        Signals.install(stop, reloader::reload,
                () -> dumps.writeState(Path.of(reloader.running().config().orElseThrow().global().stateDumpFile())),
                () -> dumps.writeStats(Path.of(reloader.running().config().orElseThrow().global().statsDumpFile())));
        int status = 0;
        Optional<WatchdogPinger> watchdog = Optional.empty();
        Optional<ControlServer> controlServer = Optional.empty();
        Optional<MetricsServer> metricsServer = Optional.empty();
        try {
            vrrp.start();
            controlServer = controlServer(global, control);
            metricsServer = metricsServer(global, new LvsdMetrics(vrrp::snapshots, lvs::pools, lvs::services,
                    new ControllerMetricsSource() {
                        @Override
                        public ReconcileStats reconcileStats() {
                            return lvs.reconcileStats();
                        }

                        @Override
                        public ReloadCounts reloads() {
                            return reloader.counts();
                        }
                    }));
            reloader.open();
            LOG.info("lvsd started: {} VRRP instance(s) from {}", cfg.instances().size(), configFile);
            systemd.ready();
            watchdog = systemd.startWatchdog();
            stop.await();
            vrrp.stopInstances();
            LOG.info("stop signal {} ms ago: VRRP instances stopped; stopping", stop.millisSinceReceived());
            stop.handOffFailure().ifPresent(e -> LOG.error("stop signal: handing the stops to the loops failed ({});"
                    + " they were stopped from the main thread", e.toString()));
            systemd.stopping();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("start failed, stopping: {}", e.toString());
            err.println("lvsd: start failed: " + e.getMessage());
            status = 1;
        } finally {
            watchdog.ifPresent(WatchdogPinger::close);
            controlServer.ifPresent(ControlServer::close);
            metricsServer.ifPresent(MetricsServer::close);
            reloader.close();
            vrrp.close();
            lvs.close();
        }
        LOG.info("lvsd stopped");
        return status;
    }

    private static Optional<ControlServer> controlServer(GlobalDefs global, DaemonControl control) {
        Path socket = Path.of(global.lvsd().controlSocket());
        try {
            return Optional.of(ControlServer.start(socket, control));
        } catch (IOException e) {
            LOG.error("control: cannot listen on {}: {}; running without the control socket (lvsctl will not reach "
                    + "this lvsd)", socket, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<MetricsServer> metricsServer(GlobalDefs global, LvsdMetrics metrics) {
        try {
            return Optional.of(MetricsServer.start(global.lvsd().metricsListen(), metrics));
        } catch (IOException e) {
            LOG.error("metrics: cannot listen on {}: {}; running without /metrics (VRRP and LVS are unaffected)",
                    global.lvsd().metricsListen(), e.getMessage());
            return Optional.empty();
        }
    }
}
