package org.lvsd.vrrp.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerSpecTest {

    @Test
    void weightRangesDependOnTheKind() {
        assertEquals(253, TrackerSpec.iface("eth1", 253).weight());
        assertThrows(IllegalArgumentException.class, () -> TrackerSpec.iface("eth1", 254));
        assertThrows(IllegalArgumentException.class, () -> TrackerSpec.script("chk", -254, false));
        assertEquals(-254, TrackerSpec.file("f", -254, false).weight());
        assertThrows(IllegalArgumentException.class, () -> TrackerSpec.file("f", 255, false));
    }

    @Test
    void aTrackerIsListedOncePerInstance() {
        assertThrows(IllegalArgumentException.class,
                () -> new TrackerSet(List.of(TrackerSpec.iface("eth1", 0), TrackerSpec.iface("eth1", 10))));
    }
}
