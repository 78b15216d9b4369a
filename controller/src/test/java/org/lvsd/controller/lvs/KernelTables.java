package org.lvsd.controller.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the kernel daemon tests expect {@code ipvsadm -Ln} to print, and the bounded wait for it.
 * ipvsadm sorts services (address services by protocol, address, port; then fwmark services)
 * and their destinations by address and port.
 */
final class KernelTables {

    static final String HEAD = """
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port Scheduler Flags
              -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
            """;
    /** A service lvsd does not own, added with ipvsadm. */
    static final String FOREIGN = "TCP  198.51.100.200:25 wlc\n";
    /**
     * Between two ipvsadm runs: each costs a fork and exec of ip and ipvsadm, a good fraction of a
     * vCPU second under TCG, which polling faster takes from the daemon under test.
     */
    static final Duration POLL = Duration.ofMillis(500);

    private KernelTables() {
    }

    /** One destination line as ipvsadm prints it (trailing blanks included), no connections. */
    static String dest(String addressPort, String forward, int weight) {
        return String.format(Locale.ROOT, "  -> %-28s %-7s %-6d %-10d %-10d%n", addressPort, forward, weight, 0, 0)
                .replace(System.lineSeparator(), "\n");
    }

    /**
     * Polls {@code ipvsadm -Ln} in the lab's director namespace every {@link #POLL} until it prints
     * {@code expected} (at most {@code atMost}); how long that took. Fails with the last listing and
     * the programs' output.
     */
    static Duration await(KernelNetns lab, String expected, Duration atMost) {
        long start = System.nanoTime();
        String[] last = {""};
        try {
            Awaitility.await("ipvsadm -Ln").atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
                last[0] = lab.ipvsadm("-Ln");
                return last[0].equals(expected);
            });
        } catch (ConditionTimeoutException e) {
            assertEquals(expected, last[0], "ipvsadm -Ln after " + atMost + "\n" + lab.dumps());
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Asserts that {@code ipvsadm -Ln} prints {@code expected} now. */
    static void assertNow(KernelNetns lab, String expected) throws IOException {
        assertEquals(expected, lab.ipvsadm("-Ln"), lab::dumps);
    }
}
