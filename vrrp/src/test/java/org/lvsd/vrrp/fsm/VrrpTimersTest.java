package org.lvsd.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.codec.VrrpVersion;

/** Values from keepalived reference §2.2's table. */
class VrrpTimersTest {

    @Test
    void v2SkewIgnoresTheInterval() {
        assertEquals(609_375, VrrpTimers.skewMicros(VrrpVersion.V2, 100, 5_000_000));
        assertEquals(7_812, VrrpTimers.skewMicros(VrrpVersion.V2, 254, 1_000_000));
    }

    @Test
    void v3SkewScalesWithMasterAdverInterval() {
        assertEquals(60_937, VrrpTimers.skewMicros(VrrpVersion.V3, 100, 100_000));
        assertEquals(218_750, VrrpTimers.skewMicros(VrrpVersion.V3, 200, 1_000_000));
    }

    @Test
    void masterDownIsAdvertsTimesIntervalPlusSkew() {
        assertEquals(3_609_375, VrrpTimers.masterDownMicros(VrrpVersion.V2, 100, 1_000_000, 3));
        assertEquals(3_414_062, VrrpTimers.masterDownMicros(VrrpVersion.V2, 150, 1_000_000, 3));
        assertEquals(360_937, VrrpTimers.masterDownMicros(VrrpVersion.V3, 100, 100_000, 3));
        assertEquals(5_609_375, VrrpTimers.masterDownMicros(VrrpVersion.V2, 100, 1_000_000, 5));
    }
}
