package org.lvsd.vrrp.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.time.ManualScheduler;

class LinkDebounceTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final List<String> out = new ArrayList<>();
    private final LinkDebounce link = new LinkDebounce(clock, Duration.ofMillis(500), Duration.ofSeconds(2),
            TrackerStatus.UP, s -> out.add(clock.elapsed().toMillis() + " " + s));

    @Test
    void changeIsReportedAfterItsDelay() {
        link.onLink(false);
        clock.advance(Duration.ofMillis(499));
        assertEquals(List.of(), out);
        clock.advance(Duration.ofMillis(1));
        link.onLink(true);
        clock.advance(Duration.ofSeconds(3));
        assertEquals(List.of("500 down", "2500 up"), out);
    }

    @Test
    void flapWithinTheDelayIsNeverReported() {
        for (int i = 0; i < 10; i++) {
            link.onLink(false);
            clock.advance(Duration.ofMillis(300));
            link.onLink(true);
            clock.advance(Duration.ofMillis(300));
        }
        clock.advance(Duration.ofSeconds(5));
        assertEquals(List.of(), out);
        assertEquals(0, clock.pending());
    }

    @Test
    void zeroDelayReportsAtOnce() {
        LinkDebounce direct = new LinkDebounce(clock, Duration.ZERO, Duration.ZERO, TrackerStatus.UP,
                s -> out.add(s.toString()));
        direct.onLink(false);
        direct.onLink(false);
        direct.onLink(true);
        assertEquals(List.of("down", "up"), out);
    }

    @Test
    void delaysAreClampedBelowTheBackupsTimeout() {
        assertEquals(Duration.ofSeconds(2), LinkDebounce.clamp(Duration.ofSeconds(10), 3, Duration.ofSeconds(1)));
        assertEquals(Duration.ofMillis(300), LinkDebounce.clamp(Duration.ofMillis(300), 3, Duration.ofSeconds(1)));
    }
}
