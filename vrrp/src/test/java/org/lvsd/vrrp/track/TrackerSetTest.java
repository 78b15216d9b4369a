package org.lvsd.vrrp.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackerSetTest {

    @Test
    void positiveWeightCountsWhileUpNegativeWhileDown() {
        TrackerSet set = new TrackerSet(List.of(TrackerSpec.iface("eth1", 10), TrackerSpec.iface("eth2", -20)));
        assertEquals(110, set.effectivePriority(100));
        set.update(TrackerKind.INTERFACE, "eth1", TrackerStatus.DOWN);
        set.update(TrackerKind.INTERFACE, "eth2", TrackerStatus.DOWN);
        assertEquals(80, set.effectivePriority(100));
    }

    @Test
    void reverseSwapsUpAndDown() {
        TrackerSet set = new TrackerSet(List.of(TrackerSpec.script("chk", -30, true)));
        set.update(TrackerKind.SCRIPT, "chk", TrackerStatus.DOWN);
        assertEquals(100, set.effectivePriority(100));
        set.update(TrackerKind.SCRIPT, "chk", TrackerStatus.UP);
        assertEquals(70, set.effectivePriority(100));
    }

    @Test
    void clampsToOneAndTwoHundredFiftyFour() {
        TrackerSet set = new TrackerSet(List.of(TrackerSpec.iface("a", 200), TrackerSpec.iface("b", -253)));
        assertEquals(254, set.effectivePriority(200));
        set.update(TrackerKind.INTERFACE, "a", TrackerStatus.DOWN);
        set.update(TrackerKind.INTERFACE, "b", TrackerStatus.DOWN);
        assertEquals(1, set.effectivePriority(200));
    }

    @Test
    void ownerPriorityNeverChanges() {
        TrackerSet set = new TrackerSet(List.of(TrackerSpec.iface("a", -50)));
        set.update(TrackerKind.INTERFACE, "a", TrackerStatus.DOWN);
        assertEquals(255, set.effectivePriority(255));
    }

    @Test
    void weightZeroDownIsFault() {
        TrackerSet set = new TrackerSet(List.of(TrackerSpec.iface("eth1", 0)));
        assertEquals(Optional.empty(), set.faultReason());
        assertTrue(set.update(TrackerKind.INTERFACE, "eth1", TrackerStatus.DOWN));
        assertEquals(Optional.of("tracked interface eth1 down"), set.faultReason());
        assertEquals(100, set.effectivePriority(100));
    }

    @Test
    void unreportedWeightZeroScriptHoldsFault() {
        TrackerSet set = new TrackerSet(List.of(TrackerSpec.script("chk", 0, false)));
        assertEquals(Optional.of("tracked script chk not reported yet"), set.faultReason());
        set.update(TrackerKind.SCRIPT, "chk", TrackerStatus.UP);
        assertEquals(Optional.empty(), set.faultReason());
    }

    @Test
    void fileValueMultipliesWeight() {
        TrackerSet set = new TrackerSet(List.of(TrackerSpec.file("prio", 5, false)));
        set.update(TrackerKind.FILE, "prio", TrackerStatus.value(-4));
        assertEquals(80, set.effectivePriority(100));
        set.update(TrackerKind.FILE, "prio", TrackerStatus.value(-51));
        assertEquals(Optional.of("tracked file prio value -51"), set.faultReason());
        set.update(TrackerKind.FILE, "prio", TrackerStatus.value(Long.MAX_VALUE));
        assertEquals(254, set.effectivePriority(100));
    }

    @Test
    void weightZeroFileFaultsOnNonZero() {
        TrackerSet set = new TrackerSet(List.of(TrackerSpec.file("f", 0, false)));
        set.update(TrackerKind.FILE, "f", TrackerStatus.value(1));
        assertEquals(Optional.of("tracked file f value 1"), set.faultReason());
    }

    @Test
    void unchangedOrUnknownUpdatesReportNoChange() {
        TrackerSet set = new TrackerSet(List.of(TrackerSpec.iface("eth1", 0)));
        assertFalse(set.update(TrackerKind.INTERFACE, "eth1", TrackerStatus.UP));
        assertFalse(set.update(TrackerKind.INTERFACE, "eth9", TrackerStatus.DOWN));
        assertThrows(IllegalArgumentException.class,
                () -> set.update(TrackerKind.INTERFACE, "eth1", TrackerStatus.value(3)));
    }
}
