package org.lvsd.controller.metrics;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lvsd.controller.reconcile.ReconcileStats;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.vrrp.codec.RejectReason;
import org.lvsd.vrrp.fsm.VrrpState;

/** Mutable fake sources with one director's worth of state. */
final class FakeSources implements ControllerMetricsSource {

    volatile List<VrrpInstanceSnapshot> instances = List.of(
            new VrrpInstanceSnapshot("VI_1", "eth0", 51, VrrpState.MASTER, 150,
                    Optional.of(Instant.parse("2026-11-21T08:00:00.5Z")), 40, 1200, 2, 1, 1, 3, 5, 7,
                    Map.of(RejectReason.TRUNCATED, 1L, RejectReason.LENGTH_MISMATCH, 2L, RejectReason.AUTH_FAILURE, 4L)),
            new VrrpInstanceSnapshot("VI_2", "eth1", 52, VrrpState.FAULT, 0, Optional.empty(), 0, 0, 0, 0, 0, 0, 0,
                    0, Map.of()));
    volatile List<PoolSnapshot> pools = List.of(new PoolSnapshot("198.51.100.100:80", "tcp", true, List.of(
            new RealServerSnapshot(rs("198.51.100.21", 80), true, 3, 3,
                    Optional.of(Instant.parse("2026-11-21T07:59:00Z")), 1,
                    List.of(new CheckSnapshot("http", Optional.of(Duration.ofMillis(12)), Map.of("status", 2L)))),
            new RealServerSnapshot(rs("198.51.100.22", 80), false, 0, 2, Optional.empty(), 0,
                    List.of(new CheckSnapshot("tcp", Optional.empty(), Map.of("refused", 5L, "timeout", 1L)))))));
    volatile List<ServiceEntry> services = List.of(
            new ServiceEntry(VirtualService.of(ServiceKey.tcp(ip("198.51.100.100"), 80), "wlc"), Stats.ZERO,
                    List.of(new DestinationEntry(Destination.of(new RealServer(ip("198.51.100.21"), 80),
                            ForwardMethod.ROUTE, 3), 4, 9, 0, Stats.totals(100, 2000, 0, 300000, 0)))),
            new ServiceEntry(VirtualService.of(ServiceKey.fwmark(5, AddressFamily.INET), "rr"), Stats.ZERO,
                    List.of(new DestinationEntry(Destination.of(new RealServer(ip("198.51.100.22"), 0),
                            ForwardMethod.ROUTE, 1), 0, 1, 0, Stats.totals(7, 8, 9, 10, 11)))));
    volatile ReconcileStats reconcile = new ReconcileStats(12, 2, 1, Duration.ofMillis(250));
    volatile ReloadCounts reloads = new ReloadCounts(3, 1);

    LvsdMetrics metrics() {
        return new LvsdMetrics(() -> instances, () -> pools, () -> services, this);
    }

    @Override
    public ReconcileStats reconcileStats() {
        return reconcile;
    }

    @Override
    public ReloadCounts reloads() {
        return reloads;
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static RealServerId rs(String ip, int port) {
        return new RealServerId(ip(ip), port);
    }
}
