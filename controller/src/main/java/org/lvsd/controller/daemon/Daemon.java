package org.lvsd.controller.daemon;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.ConfigLoader.LoadResult;
import org.lvsd.conf.Diagnostic;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.syntax.ParseOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lvsd} without {@code -t}: loads the configuration, runs its VRRP instances until
 * SIGTERM or SIGINT, then stops them and returns 0. lvsd never forks. Configuration errors and
 * start failures are one line each on {@code err} and return 1. {@code virtual_server} blocks
 * are not run yet (IPVS is not wired); SIGHUP is logged, reload is not implemented yet.
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
        if (!config.get().virtualServers().isEmpty()) {
            LOG.warn("IPVS is not wired yet: {} virtual_server block(s) ignored, running VRRP only",
                    config.get().virtualServers().size());
        }
        VrrpDaemon vrrp;
        try {
            vrrp = VrrpDaemon.build(config.get());
        } catch (StartupException e) {
            err.println("lvsd: " + e.getMessage());
            return 1;
        }
        Signals.install(stopped::countDown, () -> LOG.warn("SIGHUP: reload not implemented yet"));
        int status = 0;
        try {
            vrrp.start();
            LOG.info("lvsd started: {} VRRP instance(s) from {}", config.get().instances().size(), configFile);
            stopped.await();
            LOG.info("stop signal: stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("start failed, stopping: {}", e.toString());
            err.println("lvsd: start failed: " + e.getMessage());
            status = 1;
        } finally {
            vrrp.close();
        }
        LOG.info("lvsd stopped");
        return status;
    }
}
