package org.lvsd.controller.daemon;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.ConfigLoader.LoadResult;
import org.lvsd.conf.Diagnostic;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.model.LvsDriver;
import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.controller.lvs.DriverSelector;
import org.lvsd.controller.lvs.LvsStack;
import org.lvsd.controller.mapping.ConfigMapper;
import org.lvsd.controller.mapping.MappedConfig;
import org.lvsd.ipvs.IpvsDriver;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.controller.systemd.SdNotify;
import org.lvsd.controller.systemd.WatchdogPinger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lvsd} without {@code -t}: loads the configuration, runs its VRRP instances and, when
 * it has {@code virtual_server} blocks, the LVS half ({@link LvsStack}: health checks and the
 * IPVS table on the driver {@code lvs_driver} selects) until SIGTERM or SIGINT; then stops VRRP
 * first (priority 0, VIPs removed), then LVS (its stop policy), and returns 0. lvsd never forks.
 * Configuration errors and start failures are one line each on {@code err} and return 1.
 * SIGHUP is logged, reload is not implemented yet.
 */
public final class Daemon {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final PrintStream err;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public Daemon(PrintStream err) {
        this.err = err;
    }

    /** Runs until a stop signal; the process exit status. */
    public int run(Path configFile, ParseOptions parse) {
        LoadResult result = ConfigLoader.load(configFile, parse);
        for (Diagnostic d : result.diagnostics()) {
            err.println(d);
        }
        Optional<KeepalivedConfig> config = result.config();
        if (result.hasErrors() || config.isEmpty()) {
            err.println("lvsd: " + configFile + ": configuration errors, not starting");
            return 1;
        }
        KeepalivedConfig cfg = config.get();
        Optional<MappedConfig> mapped = Optional.empty();
        if (!cfg.virtualServers().isEmpty()) {
            MappedConfig m = ConfigMapper.map(cfg);
            for (Diagnostic d : m.diagnostics()) {
                err.println(d);
            }
            if (m.hasErrors()) {
                err.println("lvsd: " + configFile + ": configuration errors, not starting");
                return 1;
            }
            mapped = Optional.of(m);
        }
        VrrpDaemon vrrp;
        try {
            vrrp = VrrpDaemon.build(cfg);
        } catch (StartupException e) {
            err.println("lvsd: " + e.getMessage());
            return 1;
        }
        LvsStack lvs = null;
        if (mapped.isPresent()) {
            LvsDriver setting = cfg.global().lvsd().driver();
            IpvsDriver driver;
            try {
                driver = DriverSelector.system().open(setting);
            } catch (IpvsException e) {
                err.println("lvsd: lvs_driver " + setting.name().toLowerCase(java.util.Locale.ROOT)
                        + ": cannot open IPVS: " + e.getMessage());
                vrrp.close();
                return 1;
            }
            lvs = LvsStack.create(cfg.global(), driver, false);
        }
        Signals.install(stopped::countDown, () -> LOG.warn("SIGHUP: reload not implemented yet"));
        int status = 0;
        // Type=notify (sd_notify(3)): READY once serving, STOPPING at a stop signal; no-op outside systemd.
        SdNotify systemd = SdNotify.fromEnvironment();
        Optional<WatchdogPinger> watchdog = Optional.empty();
        try {
            vrrp.start();
            if (lvs != null) {
                lvs.apply(mapped.get());
                LOG.info("LVS started: driver {} ({}), {} virtual service(s)",
                        cfg.global().lvsd().driver().name().toLowerCase(java.util.Locale.ROOT),
                        lvs.driver().getClass().getSimpleName(), mapped.get().virtualServers().size());
            }
            LOG.info("lvsd started: {} VRRP instance(s) from {}", cfg.instances().size(), configFile);
            systemd.ready();
            watchdog = systemd.startWatchdog();
            stopped.await();
            LOG.info("stop signal: stopping");
            systemd.stopping();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("start failed, stopping: {}", e.toString());
            err.println("lvsd: start failed: " + e.getMessage());
            status = 1;
        } finally {
            watchdog.ifPresent(WatchdogPinger::close);
            vrrp.close();
            if (lvs != null) {
                lvs.close();
            }
        }
        LOG.info("lvsd stopped");
        return status;
    }
}
