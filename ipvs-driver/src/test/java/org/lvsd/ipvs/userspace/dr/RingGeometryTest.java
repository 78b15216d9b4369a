package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RingGeometryTest {
    @Test
    void aSlotIsABlockOfWholePagesHoldingA64KiBDatagramAfterItsHeaders() {
        RingGeometry g = RingGeometry.forSegments();
        // 90 (headers) + 4 (a VLAN tag) + 65,535 = 65,629: 17 pages
        assertEquals(new RingGeometry(69_632, 256, 69_632, 256), g);
        assertEquals(256L * 69_632, g.bytes());
    }
}
