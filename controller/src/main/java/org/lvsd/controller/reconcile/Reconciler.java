package org.lvsd.controller.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lvsd.ipvs.ApplyResult;
import org.lvsd.ipvs.IpvsDriver;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.format.IpvsadmCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies desired tables to an {@link IpvsDriver}. Each {@link #reconcile} reads the table once and
 * hands the whole {@link TableDiff} to {@link IpvsDriver#apply} in one call (one netlink batch for
 * the kernel), logs every change that took effect in ipvsadm syntax, and remembers what it applied
 * and which services it owns. A change needed because the table no longer holds what lvsd last
 * applied (someone ran {@code ipvsadm -C}, {@code -e}, {@code -a}, ... on lvsd's services) is a
 * repair. Services lvsd never owned are left alone, unless {@code flushForeign} ({@code lvs_flush})
 * asks the first reconcile to remove them.
 *
 * <p>A refused change never stops the others: each is reported as a {@link ReconcileFailure}
 * naming its command and errno, and the table is then read again so the next reconcile starts
 * from what is really there. Thread-safe.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

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
            return finish(start, List.of(), 0, List.of(ReconcileFailure.reading(e)));
        }
        Set<ServiceKey> deletable = new LinkedHashSet<>(owned);
        if (flushForeign) {
            actual.forEach(e -> deletable.add(e.service().key()));
            flushForeign = false;
        }
        Set<ChangeTarget> drift = new HashSet<>();
        lastApplied.ifPresent(last -> TableDiff.between(last, actual, owned)
                .forEach(c -> drift.add(ChangeTarget.of(c))));
        List<TableChange> changes = TableDiff.between(desired, actual, deletable);
        ApplyResult result;
        try {
            result = changes.isEmpty() ? new ApplyResult(changes, List.of()) : driver.apply(changes);
        } catch (IpvsException e) {
            afterFailure(desired, deletable);
            return finish(start, List.of(), 0, List.of(ReconcileFailure.applying(changes.size(), e)));
        }
        int repairs = 0;
        for (TableChange change : result.applied()) {
            if (drift.contains(ChangeTarget.of(change))) {
                repairs++;
                LOG.info("ipvsadm {} (repair: lvsd's entry was changed by someone else)", IpvsadmCommand.of(change));
            } else {
                LOG.info("ipvsadm {}", IpvsadmCommand.of(change));
            }
        }
        if (result.allApplied()) {
            owned = desired.keys();
            lastApplied = Optional.of(desired);
        } else {
            afterFailure(desired, deletable);
        }
        return finish(start, result.applied(), repairs,
                result.failures().stream().map(ReconcileFailure::refused).toList());
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

    private ReconcileRun finish(Instant start, List<TableChange> applied, int repairs,
            List<ReconcileFailure> failures) {
        failures.forEach(f -> LOG.warn("{}", f.message()));
        ReconcileRun run = new ReconcileRun(applied, repairs, failures, Duration.between(start, clock.instant()));
        stats = stats.plus(run);
        return run;
    }
}
