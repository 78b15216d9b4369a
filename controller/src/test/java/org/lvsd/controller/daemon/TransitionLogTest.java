package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpState;

class TransitionLogTest {

    @Test
    void oneLineWithStatesPriorityAndReason() {
        assertEquals("VI_1: BACKUP -> MASTER (priority 150): master down timer expired",
                TransitionLog.line(new Transition("VI_1", VrrpState.BACKUP, VrrpState.MASTER, 150,
                        "master down timer expired")));
    }
}
