package org.lvsd.healthcheck.schedule;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import org.lvsd.healthcheck.spec.RealServerId;

/** The clock origin, real server ids and run times shared by the schedule tests. */
final class Fixtures {

    /** Where every test's {@link ManualScheduler} starts. */
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {
    }

    /** Real server 10.0.0.{octet}:80. */
    static RealServerId rs(int octet) {
        try {
            return new RealServerId(InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) octet}),
                    80);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Whole seconds since {@link #T0}. */
    static long seconds(Instant t) {
        return t.getEpochSecond() - T0.getEpochSecond();
    }

    /** Each run's whole seconds since {@link #T0}. */
    static List<Long> seconds(List<Instant> runs) {
        return runs.stream().map(Fixtures::seconds).toList();
    }
}
