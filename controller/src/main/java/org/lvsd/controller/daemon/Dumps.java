package org.lvsd.controller.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.lvsd.controller.control.StatusText;
import org.lvsd.controller.metrics.PoolSnapshot;
import org.lvsd.controller.metrics.RealServerSnapshot;
import org.lvsd.controller.metrics.ReloadCounts;
import org.lvsd.controller.metrics.VrrpInstanceSnapshot;
import org.lvsd.controller.reconcile.ReconcileStats;
import org.lvsd.vrrp.codec.RejectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keepalived's dump signals (reference §4.2) with lvsd's file names: SIGUSR1 writes the state
 * ({@code lvsctl status} text) to {@code state_dump_file} (default {@code /tmp/lvsd.data}),
 * SIGUSR2 the counters of every VRRP instance, real server and the reconciler to
 * {@code stats_dump_file} (default {@code /tmp/lvsd.stats}). Each file is written beside its
 * target under a fresh name and renamed over it, so a reader never sees half a dump and a
 * planted symlink is replaced, never followed. Failures are logged, never thrown.
 */
final class Dumps {

    private static final Logger LOG = LoggerFactory.getLogger(Dumps.class);

    private final Clock clock;
    private final DaemonControl control;
    private final VrrpSide vrrp;
    private final LvsHalf lvs;
    private final Supplier<ReloadCounts> reloads;

    Dumps(Clock clock, DaemonControl control, VrrpSide vrrp, LvsHalf lvs, Supplier<ReloadCounts> reloads) {
        this.clock = clock;
        this.control = control;
        this.vrrp = vrrp;
        this.lvs = lvs;
        this.reloads = reloads;
    }

    /** The SIGUSR1 text. */
    String state() {
        return "lvsd state at " + clock.instant() + "\n" + StatusText.render(control.status());
    }

    /** The SIGUSR2 text. */
    String stats() {
        StringBuilder out = new StringBuilder("lvsd statistics at ").append(clock.instant()).append('\n');
        for (VrrpInstanceSnapshot s : vrrp.snapshots()) {
            out.append("VRRP instance ").append(s.name()).append(" (interface ").append(s.interfaceName())
                    .append(", VRID ").append(s.vrid()).append("): ").append(s.state())
                    .append(", effective priority ").append(s.effectivePriority()).append('\n')
                    .append("  adverts received ").append(s.advertsReceived()).append(", sent ")
                    .append(s.advertsSent()).append('\n')
                    .append("  became master ").append(s.becameMaster()).append(", released master ")
                    .append(s.releasedMaster()).append('\n')
                    .append("  priority 0 received ").append(s.priorityZeroReceived()).append(", sent ")
                    .append(s.priorityZeroSent()).append('\n')
                    .append("  gratuitous ARP / NA sent ").append(s.garpsSent()).append(", address list errors ")
                    .append(s.addressListErrors()).append('\n')
                    .append("  rejected:");
            for (Map.Entry<RejectReason, Long> r : s.rejected().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                out.append(' ').append(r.getKey().name().toLowerCase(Locale.ROOT)).append(' ').append(r.getValue());
            }
            out.append('\n');
        }
        for (PoolSnapshot p : lvs.pools()) {
            out.append("Virtual server ").append(p.virtualServer()).append(p.protocol().isEmpty() ? "" : " " + p.protocol())
                    .append(": quorum ").append(p.quorumUp() ? "up" : "down").append(", ")
                    .append(p.aliveRealServers()).append(" of ").append(p.realServers().size())
                    .append(" real servers up\n");
            for (RealServerSnapshot rs : p.realServers()) {
                out.append("  ").append(rs.server()).append(rs.up() ? " up" : " down").append(", weight ")
                        .append(rs.weight()).append(" (configured ").append(rs.configuredWeight())
                        .append("), up->down ").append(rs.upDownTransitions()).append('\n');
            }
        }
        ReconcileStats r = lvs.reconcileStats();
        ReloadCounts reload = reloads.get();
        out.append("Reconcile: ").append(r.appliedChanges()).append(" changes applied, ").append(r.repairs())
                .append(" repairs, ").append(r.failures()).append(" failures\n")
                .append("Reloads: ").append(reload.succeeded()).append(" succeeded, ").append(reload.failed())
                .append(" failed\n");
        return out.toString();
    }

    /** Writes {@link #state()} to {@code file}. */
    void writeState(Path file) {
        write(file, "state", this::state);
    }

    /** Writes {@link #stats()} to {@code file}. */
    void writeStats(Path file) {
        write(file, "stats", this::stats);
    }

    private void write(Path file, String what, Supplier<String> text) {
        Path target = file.toAbsolutePath();
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            Files.writeString(tmp, text.get(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("{} dump written to {}", what, target);
        } catch (IOException | RuntimeException e) {
            LOG.error("writing the {} dump to {} failed: {}", what, target, e.toString());
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                LOG.debug("cannot remove {}: {}", tmp, ignored.toString());
            }
        }
    }
}
