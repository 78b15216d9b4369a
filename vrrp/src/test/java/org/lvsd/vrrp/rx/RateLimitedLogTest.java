package org.lvsd.vrrp.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.codec.RejectReason;
import org.lvsd.vrrp.time.ManualScheduler;

class RateLimitedLogTest {

    private static final InetAddress PEER = sender(3);
    private static final InetAddress OTHER = sender(4);

    private final ManualScheduler clock = new ManualScheduler();
    private final RateLimitedLog log = new RateLimitedLog(clock, Duration.ofSeconds(10));

    @Test
    void firstOccurrenceLogsThenSilenceUntilTheIntervalEnds() {
        assertEquals(0, log.admit(RejectReason.BAD_TTL, PEER));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(-1, log.admit(RejectReason.BAD_TTL, PEER));
        assertEquals(-1, log.admit(RejectReason.BAD_TTL, PEER));
        clock.advance(Duration.ofSeconds(9));
        assertEquals(2, log.admit(RejectReason.BAD_TTL, PEER));
    }

    @Test
    void keysAreIndependent() {
        assertEquals(0, log.admit(RejectReason.BAD_TTL, PEER));
        assertEquals(0, log.admit(RejectReason.BAD_TTL, OTHER));
        assertEquals(0, log.admit(RejectReason.AUTH_FAILURE, PEER));
    }

    @Test
    void keyTableIsBounded() {
        for (int i = 0; i <= RateLimitedLog.MAX_KEYS; i++) {
            log.admit(RejectReason.BAD_TTL, sender(i));
        }
        // The first sender was evicted, so it logs again at once; the last one is still known.
        assertEquals(0, log.admit(RejectReason.BAD_TTL, sender(0)));
        assertEquals(-1, log.admit(RejectReason.BAD_TTL, sender(RateLimitedLog.MAX_KEYS)));
    }

    private static InetAddress sender(int i) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 198, 51, (byte) (i >> 8), (byte) i});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
