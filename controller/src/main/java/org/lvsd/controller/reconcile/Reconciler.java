package org.lvsd.controller.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lvsd.ipvs.IpvsDriver;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies desired tables to an {@link IpvsDriver}. Each {@link #reconcile} reads the table once,
 * applies the {@link TableDiff} as one batch, logs every change in ipvsadm syntax, and remembers
 * what it applied and which services it owns. A change needed because the table no longer holds
 * what lvsd last applied (someone ran {@code ipvsadm -C}, {@code -e}, {@code -a}, ... on lvsd's
 * services) is a repair. Services lvsd never owned are left alone, unless {@code flushForeign}
 * ({@code lvs_flush}) asks the first reconcile to remove them.
 *
 * <p>On a refused change the batch stops, the table is read again so the next reconcile starts
 * from what is really there, and the failure names the change and the errno. Thread-safe.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private record Target(ServiceKey service, Optional<RealServer> server) {
        static Target of(Change c) {
            return new Target(c.service(), c.server());
        }
    }

    private final IpvsDriver driver;
    private final Clock clock;
    private boolean flushForeign;
    private Set<ServiceKey> owned = Set.of();
    private Optional<DesiredTable> lastApplied = Optional.empty();
    private ReconcileStats stats = ReconcileStats.ZERO;

    /**
     * @param driver the table to program
     * @param clock times each reconcile
     * @param flushForeign delete services lvsd did not create at the first reconcile ({@code lvs_flush})
     */
    public Reconciler(IpvsDriver driver, Clock clock, boolean flushForeign) {
        this.driver = driver;
        this.clock = clock;
        this.flushForeign = flushForeign;
    }

    /** Makes the table match {@code desired}. */
    public synchronized ReconcileRun reconcile(DesiredTable desired) {
        Instant start = clock.instant();
        List<ServiceEntry> actual;
        try {
            actual = driver.list();
        } catch (IpvsException e) {
            return finish(start, List.of(), 0, Optional.of(new ReconcileFailure(Optional.empty(), e.reason(),
                    e.getMessage())));
        }
        Set<ServiceKey> deletable = new LinkedHashSet<>(owned);
        if (flushForeign) {
            actual.forEach(e -> deletable.add(e.service().key()));
            flushForeign = false;
        }
        Set<Target> drift = new HashSet<>();
        lastApplied.ifPresent(last -> TableDiff.between(last, actual, owned).forEach(c -> drift.add(Target.of(c))));
        List<Change> applied = new ArrayList<>();
        int repairs = 0;
        for (Change change : TableDiff.between(desired, actual, deletable)) {
            boolean repair = drift.contains(Target.of(change));
            try {
                change.applyTo(driver);
            } catch (IpvsException e) {
                ReconcileFailure failure = new ReconcileFailure(Optional.of(change), e.reason(), e.getMessage());
                afterFailure(desired, deletable);
                return finish(start, applied, repairs, Optional.of(failure));
            }
            applied.add(change);
            if (repair) {
                repairs++;
                LOG.info("ipvsadm {} (repair: lvsd's entry was changed by someone else)", change);
            } else {
                LOG.info("ipvsadm {}", change);
            }
        }
        owned = desired.keys();
        lastApplied = Optional.of(desired);
        return finish(start, applied, repairs, Optional.empty());
    }

    /** Counters since construction. */
    public synchronized ReconcileStats stats() {
        return stats;
    }

    /** The services lvsd created or took over and will delete when they leave the configuration. */
    public synchronized Set<ServiceKey> owned() {
        return owned;
    }

    /** Reads the table back: lvsd owns what it was responsible for and is still there. */
    private void afterFailure(DesiredTable desired, Set<ServiceKey> deletable) {
        Set<ServiceKey> responsible = new LinkedHashSet<>(deletable);
        responsible.addAll(desired.keys());
        try {
            List<ServiceEntry> now = driver.list().stream()
                    .filter(e -> responsible.contains(e.service().key())).toList();
            lastApplied = Optional.of(DesiredTable.fromEntries(now));
            owned = lastApplied.get().keys();
        } catch (IpvsException e) {
            LOG.warn("re-reading the IPVS table failed with {}: {}", e.reason().name(), e.getMessage());
            lastApplied = Optional.empty();
            owned = Set.copyOf(responsible);
        }
    }

    private ReconcileRun finish(Instant start, List<Change> applied, int repairs, Optional<ReconcileFailure> failure) {
        failure.ifPresent(f -> LOG.warn("{}", f.message()));
        ReconcileRun run = new ReconcileRun(applied, repairs, failure, Duration.between(start, clock.instant()));
        stats = stats.plus(run);
        return run;
    }
}
