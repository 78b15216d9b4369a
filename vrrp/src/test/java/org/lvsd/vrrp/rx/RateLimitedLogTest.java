package org.lvsd.vrrp.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.time.ManualScheduler;

class RateLimitedLogTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final RateLimitedLog log = new RateLimitedLog(clock, Duration.ofSeconds(10));

    @Test
    void firstOccurrenceLogsThenSilenceUntilTheIntervalEnds() {
        assertEquals(0, log.admit("BAD_TTL|198.51.100.3"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(-1, log.admit("BAD_TTL|198.51.100.3"));
        assertEquals(-1, log.admit("BAD_TTL|198.51.100.3"));
        clock.advance(Duration.ofSeconds(9));
        assertEquals(2, log.admit("BAD_TTL|198.51.100.3"));
    }

    @Test
    void keysAreIndependent() {
        assertEquals(0, log.admit("BAD_TTL|198.51.100.3"));
        assertEquals(0, log.admit("BAD_TTL|198.51.100.4"));
        assertEquals(0, log.admit("AUTH_FAILURE|198.51.100.3"));
    }

    @Test
    void keyTableIsBounded() {
        for (int i = 0; i <= RateLimitedLog.MAX_KEYS; i++) {
            log.admit("k" + i);
        }
        // k0 was evicted, so it logs again at once.
        assertEquals(0, log.admit("k0"));
        assertEquals(-1, log.admit("k" + RateLimitedLog.MAX_KEYS));
    }
}
