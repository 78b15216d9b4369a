package org.lvsd.controller.systemd;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdNotifyTest {

    private static final long PID = 4242;

    @TempDir
    Path dir;

    private static String next(DatagramReceiver r) {
        return await().atMost(Duration.ofSeconds(5)).until(r::poll, Optional::isPresent).orElseThrow();
    }

    @Test
    void sendsTheLifecycleDatagramsToAPathSocket() {
        String path = dir.resolve("notify").toString();
        try (DatagramReceiver systemd = new DatagramReceiver(path)) {
            SdNotify notify = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", path), PID);
            assertTrue(notify.enabled());
            notify.ready();
            assertEquals("READY=1", next(systemd));
            notify.status("2 instances, 1 MASTER\nall pools up");
            assertEquals("STATUS=2 instances, 1 MASTER all pools up", next(systemd));
            long before = NotifySocket.monotonicMicros();
            notify.reloading();
            String reloading = next(systemd);
            long after = NotifySocket.monotonicMicros();
            assertTrue(reloading.startsWith("RELOADING=1\nMONOTONIC_USEC="), reloading);
            long usec = Long.parseLong(reloading.substring("RELOADING=1\nMONOTONIC_USEC=".length()));
            assertTrue(before <= usec && usec <= after, before + " <= " + usec + " <= " + after);
            notify.stopping();
            assertEquals("STOPPING=1", next(systemd));
            notify.watchdog();
            assertEquals("WATCHDOG=1", next(systemd));
            assertEquals(Optional.empty(), systemd.poll());
        }
    }

    @Test
    void abstractSocketNames() {
        String name = "@lvsd-test-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        try (DatagramReceiver systemd = new DatagramReceiver(name)) {
            SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", name), PID).ready();
            assertEquals("READY=1", next(systemd));
        }
    }

    @Test
    void sockaddrLayoutOnALittleEndianHost() {
        assertArrayEquals(new byte[] {1, 0, '/', 'r', '/', 'n', 0}, NotifySocket.sockaddr("/r/n".getBytes(), false));
        assertArrayEquals(new byte[] {1, 0, 0, 'a', 'b'}, NotifySocket.sockaddr("@ab".getBytes(), true));
    }

    @Test
    void withoutNotifySocketNothingIsSentAndNothingFails() {
        SdNotify notify = SdNotify.fromEnvironment(Map.of("WATCHDOG_USEC", "1000000"), PID);
        assertFalse(notify.enabled());
        assertEquals(Optional.empty(), notify.watchdogInterval());
        assertEquals(Optional.empty(), notify.startWatchdog());
        notify.ready();
        notify.reloading();
        notify.stopping();
    }

    @Test
    void unusableNotifySocketValuesDisableNotification() {
        assertFalse(SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "relative/path"), PID).enabled());
        assertFalse(SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "vsock:2:1234"), PID).enabled());
        assertFalse(SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "/" + "x".repeat(107)), PID).enabled());
        assertTrue(SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "/" + "x".repeat(106)), PID).enabled());
    }

    @Test
    void sendingToAMissingSocketIsLoggedNotThrown() {
        SdNotify notify = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", dir.resolve("gone").toString()), PID);
        notify.ready();
        assertTrue(notify.enabled());
    }

    @Test
    void watchdogIntervalIsHalfOfWatchdogUsecForOurPidOnly() {
        String path = dir.resolve("notify").toString();
        assertEquals(Optional.of(Duration.ofSeconds(15)), SdNotify.fromEnvironment(
                Map.of("NOTIFY_SOCKET", path, "WATCHDOG_USEC", "30000000"), PID).watchdogInterval());
        assertEquals(Optional.of(Duration.ofMillis(500)), SdNotify.fromEnvironment(
                Map.of("NOTIFY_SOCKET", path, "WATCHDOG_USEC", "1000000", "WATCHDOG_PID", "4242"), PID)
                .watchdogInterval());
        assertEquals(Optional.empty(), SdNotify.fromEnvironment(
                Map.of("NOTIFY_SOCKET", path, "WATCHDOG_USEC", "1000000", "WATCHDOG_PID", "1"), PID)
                .watchdogInterval());
        assertEquals(Optional.empty(), SdNotify.fromEnvironment(
                Map.of("NOTIFY_SOCKET", path, "WATCHDOG_USEC", "soon"), PID).watchdogInterval());
        assertEquals(Optional.empty(), SdNotify.fromEnvironment(
                Map.of("NOTIFY_SOCKET", path, "WATCHDOG_USEC", "0"), PID).watchdogInterval());
    }

    @Test
    void watchdogPingerPingsUntilClosed() {
        String path = dir.resolve("notify").toString();
        try (DatagramReceiver systemd = new DatagramReceiver(path)) {
            SdNotify notify = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", path, "WATCHDOG_USEC", "100000"), PID);
            List<String> pings = new ArrayList<>();
            try (WatchdogPinger pinger = notify.startWatchdog().orElseThrow()) {
                for (int i = 0; i < 3; i++) {
                    pings.add(next(systemd));
                }
            }
            assertEquals(List.of("WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1"), pings);
            await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                    .until(() -> drained(systemd));
        }
    }

    /** Empties the queue; true when nothing more arrives within a poll. */
    private static boolean drained(DatagramReceiver r) {
        boolean any = false;
        while (r.poll().isPresent()) {
            any = true;
        }
        return !any;
    }
}
