package org.lvsd.controller.daemon;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.lvsd.conf.model.GlobalDefs;
import org.lvsd.conf.model.LvsDriver;
import org.lvsd.controller.lvs.LvsStack;
import org.lvsd.controller.mapping.MappedConfig;
import org.lvsd.controller.metrics.HealthHistory;
import org.lvsd.controller.metrics.PoolSnapshot;
import org.lvsd.controller.reconcile.ReconcileStats;
import org.lvsd.ipvs.IpvsDriver;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.ServiceEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LVS half of the daemon, present while the configuration has {@code virtual_server} blocks:
 * the first configuration with some opens the driver {@code lvs_driver} selects and starts an
 * {@link LvsStack}; later ones are applied to it ({@code LvsRuntime.apply}: unchanged checkers
 * keep their state, drains stay); one without any closes it (its stop policy applies). Reconcile
 * counters of a closed stack are kept, so the metrics' counters never go back. Thread-safe.
 */
final class LvsHalf implements AutoCloseable {

    /** Opens the driver a {@code lvs_driver} setting asks for. */
    @FunctionalInterface
    interface DriverOpener {
        IpvsDriver open(LvsDriver setting) throws IpvsException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(LvsHalf.class);

    private final DriverOpener opener;
    private final boolean dontRelease;
    private final HealthHistory history = new HealthHistory(Clock.systemUTC());
    private volatile LvsStack stack;
    private ReconcileStats retired = ReconcileStats.ZERO;

    LvsHalf(DriverOpener opener, boolean dontRelease) {
        this.opener = opener;
        this.dontRelease = dontRelease;
    }

    /**
     * Applies the virtual servers of a configuration (empty: none).
     *
     * @throws IpvsException when the driver cannot be opened (nothing changed then)
     */
    synchronized void apply(GlobalDefs global, Optional<MappedConfig> mapped) throws IpvsException {
        LvsStack s = stack;
        if (mapped.isPresent()) {
            if (s == null) {
                IpvsDriver driver = opener.open(global.lvsd().driver());
                s = LvsStack.create(global, driver, dontRelease, history);
                stack = s;
                LOG.info("LVS started: driver {} ({}), {} virtual service(s)",
                        global.lvsd().driver().name().toLowerCase(Locale.ROOT), driver.getClass().getSimpleName(),
                        mapped.get().virtualServers().size());
            }
            s.apply(mapped.get());
        } else if (s != null) {
            close();
            LOG.info("LVS stopped: no virtual_server left in the configuration");
        }
    }

    /** The running stack, empty without virtual servers. */
    Optional<LvsStack> stack() {
        return Optional.ofNullable(stack);
    }

    /** Every pool for the metrics. */
    List<PoolSnapshot> pools() {
        LvsStack s = stack;
        return s == null ? List.of()
                : history.snapshot(s.runtime().status(), s.runtime().config().healthSpecs());
    }

    /** The driver's table for the metrics. */
    List<ServiceEntry> services() throws IpvsException {
        LvsStack s = stack;
        return s == null ? List.of() : s.driver().list();
    }

    /** Reconcile counters since lvsd started, over every stack it ran. */
    synchronized ReconcileStats reconcileStats() {
        LvsStack s = stack;
        return s == null ? retired : add(retired, s.runtime().stats());
    }

    private static ReconcileStats add(ReconcileStats a, ReconcileStats b) {
        return new ReconcileStats(a.appliedChanges() + b.appliedChanges(), a.repairs() + b.repairs(),
                a.failures() + b.failures(), b.lastDuration());
    }

    /** Stops the stack, if any (its stop policy applies to the table). */
    @Override
    public synchronized void close() {
        LvsStack s = stack;
        if (s != null) {
            stack = null;
            retired = add(retired, s.runtime().stats());
            s.close();
        }
    }
}
