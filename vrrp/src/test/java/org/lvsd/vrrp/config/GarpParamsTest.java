package org.lvsd.vrrp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GarpParamsTest {

    @Test
    void defaultsAreKeepalivedsTwoBurstsOfFiveFiveSecondsApart() {
        assertEquals(new GarpParams(Duration.ofSeconds(5), 5, Duration.ZERO, 1, Duration.ofSeconds(5), 5),
                GarpParams.DEFAULTS);
    }

    @Test
    void refusesNegativeDelaysAndCounts() {
        assertThrows(IllegalArgumentException.class,
                () -> new GarpParams(Duration.ofSeconds(-1), 5, Duration.ZERO, 1, Duration.ZERO, 5));
        assertThrows(IllegalArgumentException.class,
                () -> new GarpParams(Duration.ZERO, -1, Duration.ZERO, 1, Duration.ZERO, 5));
    }
}
