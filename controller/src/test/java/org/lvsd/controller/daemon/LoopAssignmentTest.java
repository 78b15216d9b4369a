package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LoopAssignmentTest {

    @Test
    void eachInterfaceHasItsOwnLoopUnlessASyncGroupJoinsThem() {
        LoopAssignment a = new LoopAssignment();
        a.join(List.of("eth1", "eth2"));
        a.join(List.of("eth3", "eth2"));
        assertEquals("eth0", a.loopOf("eth0"));
        assertEquals("eth1", a.loopOf("eth1"));
        assertEquals("eth1", a.loopOf("eth2"));
        assertEquals("eth1", a.loopOf("eth3"));
        assertEquals("eth4", a.loopOf("eth4"));
    }

    @Test
    void groupOnOneInterfaceChangesNothing() {
        LoopAssignment a = new LoopAssignment();
        a.join(List.of("eth0", "eth0"));
        assertEquals("eth0", a.loopOf("eth0"));
    }
}
