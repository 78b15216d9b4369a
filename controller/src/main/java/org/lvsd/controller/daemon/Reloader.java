package org.lvsd.controller.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.lvsd.conf.Diagnostic;
import org.lvsd.conf.model.GlobalDefs;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.controller.metrics.ReloadCounts;
import org.lvsd.controller.systemd.SdNotify;
import org.lvsd.ipvs.IpvsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reload (SIGHUP and {@code lvsctl reload}, one at a time): {@code RELOADING=1}, read and validate
 * the file; on any error log every {@code file:line} diagnostic and keep running the previous
 * configuration untouched; otherwise apply the VRRP half ({@link ReloadPlan}) then the LVS half
 * ({@link LvsHalf}); {@code READY=1} at the end either way. Every reload is counted by result.
 * Settings read only at start ({@code control_socket}, {@code metrics_listen}, {@code lvs_driver},
 * {@code lvs_reconcile_interval}, notify FIFOs) are logged when they change.
 */
final class Reloader {

    /** What a reload did: one line for the operator. */
    record Result(boolean ok, String message) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);

    private final Path file;
    private final ParseOptions parse;
    private final VrrpSide vrrp;
    private final LvsHalf lvs;
    private final SdNotify systemd;
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile LoadedConfig running;
    private boolean open;
    private boolean closed;

    Reloader(Path file, ParseOptions parse, LoadedConfig running, VrrpSide vrrp, LvsHalf lvs, SdNotify systemd) {
        this.file = file;
        this.parse = parse;
        this.running = running;
        this.vrrp = vrrp;
        this.lvs = lvs;
        this.systemd = systemd;
    }

    /** The configuration running now. */
    LoadedConfig running() {
        return running;
    }

    ParseOptions parseOptions() {
        return parse;
    }

    ReloadCounts counts() {
        return new ReloadCounts(succeeded.get(), failed.get());
    }

    /** Accepts reloads from now on (the daemon is serving). */
    synchronized void open() {
        open = true;
    }

    /** Refuses reloads from now on; waits for one running (the daemon is stopping). */
    synchronized void close() {
        closed = true;
    }

    /** Reloads {@link #file}; never throws. */
    synchronized Result reload() {
        if (!open || closed) {
            String why = closed ? "lvsd is stopping" : "lvsd is still starting; try again";
            LOG.warn("reload refused: {}", why);
            return new Result(false, why);
        }
        systemd.reloading();
        try {
            return reloadOnce();
        } finally {
            systemd.ready();
        }
    }

    private Result reloadOnce() {
        LOG.info("reload: reading {}", file);
        LoadedConfig next = LoadedConfig.load(file, parse);
        for (Diagnostic d : next.diagnostics()) {
            if (d.isError()) {
                LOG.error("reload: {}", d);
            } else {
                LOG.warn("reload: {}", d);
            }
        }
        if (next.hasErrors()) {
            List<Diagnostic> errors = next.errors();
            return failure(file + ": " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                    + (errors.isEmpty() ? "" : " (first: " + errors.get(0) + ")")
                    + "; still running the previous configuration");
        }
        KeepalivedConfig cfg = next.config().orElseThrow();
        restartOnly(running.config().orElseThrow().global(), cfg.global())
                .forEach(s -> LOG.warn("reload: {} changed; it takes effect when lvsd restarts", s));
        ReloadPlan plan;
        try {
            plan = vrrp.apply(cfg);
            lvs.apply(cfg.global(), next.mapped());
        } catch (StartupException | IpvsException e) {
            return failure(file + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("interrupted");
        } catch (RuntimeException e) {
            LOG.error("reload failed", e);
            return failure(file + ": " + e);
        }
        running = next;
        succeeded.incrementAndGet();
        String message = "reloaded " + file + ": " + plan.summary() + "; "
                + next.mapped().map(m -> m.virtualServers().size()).orElse(0) + " virtual server(s)";
        LOG.info("reload: {}", message);
        plan.lines().forEach(l -> LOG.info("reload: {}", l));
        return new Result(true, message);
    }

    private Result failure(String message) {
        failed.incrementAndGet();
        LOG.error("reload failed: {}", message);
        return new Result(false, message);
    }

    /** The start-only settings that differ between {@code before} and {@code after}. */
    static List<String> restartOnly(GlobalDefs before, GlobalDefs after) {
        List<String> out = new ArrayList<>();
        if (!before.lvsd().controlSocket().equals(after.lvsd().controlSocket())) {
            out.add("control_socket");
        }
        if (!before.lvsd().metricsListen().equals(after.lvsd().metricsListen())) {
            out.add("metrics_listen");
        }
        if (before.lvsd().driver() != after.lvsd().driver()) {
            out.add("lvs_driver");
        }
        if (!before.lvsd().reconcileInterval().equals(after.lvsd().reconcileInterval())) {
            out.add("lvs_reconcile_interval");
        }
        if (!Objects.equals(before.notifyFifo().map(f -> f.path()), after.notifyFifo().map(f -> f.path()))
                || !Objects.equals(before.vrrpNotifyFifo().map(f -> f.path()), after.vrrpNotifyFifo().map(f -> f.path()))) {
            out.add("notify_fifo / vrrp_notify_fifo");
        }
        return out;
    }
}
