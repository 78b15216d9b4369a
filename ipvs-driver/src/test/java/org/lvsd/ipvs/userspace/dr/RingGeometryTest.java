package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RingGeometryTest {
    @Test
    void aSlotHoldsAFullFrameOfTheMtuAndTheRingIsAbout4MiB() {
        assertEquals(new RingGeometry(2048, 2048, 65536, 64), RingGeometry.of(1500));
        assertEquals(4 << 20, RingGeometry.of(1500).bytes());
        assertEquals(new RingGeometry(16384, 256, 65536, 64), RingGeometry.of(9000));
        assertEquals(new RingGeometry(131072, 32, 131072, 32), RingGeometry.of(65536));
    }
}
