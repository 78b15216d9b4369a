package org.lvsd.controller.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.controller.metrics.FakeSources.rs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.decision.HealthEvent;
import org.lvsd.healthcheck.decision.PoolStatus;
import org.lvsd.healthcheck.spec.RealServerSpec;
import org.lvsd.healthcheck.spec.VirtualServerSpec;

class HealthHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    private static final String VS = "TCP 198.51.100.100:80";

    @Test
    void countsUpToDownTransitionsAndTimesTheLastChange() {
        HealthHistory history = new HealthHistory(Clock.fixed(T0, ZoneOffset.UTC));
        history.onEvents(List.of(
                new HealthEvent.RealServerUp(VS, rs("198.51.100.21", 80), 3, "all checkers up", Optional.empty()),
                new HealthEvent.RealServerDown(VS, rs("198.51.100.21", 80), "connection refused", Optional.empty()),
                new HealthEvent.RealServerDown("UDP 198.51.100.100:53", rs("198.51.100.22", 80), "timeout",
                        Optional.empty())));
        history.onEvents(List.of(
                new HealthEvent.RealServerUp(VS, rs("198.51.100.21", 80), 3, "all checkers up", Optional.empty()),
                new HealthEvent.RealServerDown(VS, rs("198.51.100.21", 80), "connection refused", Optional.empty())));
        List<PoolSnapshot> snapshots = history.snapshot(
                List.of(new PoolStatus(VS, false, false, 0, List.of(
                        new PoolStatus.Server(rs("198.51.100.21", 80), false, 0, "connection refused"),
                        new PoolStatus.Server(rs("198.51.100.22", 80), true, 2, "all checkers up")))),
                List.of(VirtualServerSpec.of(VS, List.of(RealServerSpec.of(rs("198.51.100.21", 80), 3, List.of()),
                        RealServerSpec.of(rs("198.51.100.22", 80), 2, List.of())))));
        assertEquals(List.of(new PoolSnapshot("198.51.100.100:80", "tcp", false, List.of(
                new RealServerSnapshot(rs("198.51.100.21", 80), false, 0, 3, Optional.of(T0), 2, List.of()),
                new RealServerSnapshot(rs("198.51.100.22", 80), true, 2, 2, Optional.empty(), 0, List.of())))),
                snapshots);
    }

    @Test
    void poolIdsBecomeVirtualServerAndProtocolLabels() {
        assertEquals(new VirtualServerLabel("198.51.100.100:80", "tcp"), VirtualServerLabel.of(VS));
        assertEquals(new VirtualServerLabel("[2001:db8::1]:53", "udp"), VirtualServerLabel.of("UDP [2001:db8::1]:53"));
        assertEquals(new VirtualServerLabel("198.51.100.100:5060", "sctp"),
                VirtualServerLabel.of("SCTP 198.51.100.100:5060"));
        assertEquals(new VirtualServerLabel("fwm:5", ""), VirtualServerLabel.of("FWM 5"));
        assertEquals(new VirtualServerLabel("fwm:5:ipv6", ""), VirtualServerLabel.of("FWM 5 IPv6"));
        assertEquals(new VirtualServerLabel("group web", ""), VirtualServerLabel.of("group web"));
    }
}
