package org.lvsd.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NlRequestTest {

    @Test
    void encodesHeaderWithSeqPidAndPayload() {
        NlRequest r = new NlRequest(0x10, NlMsgFlags.REQUEST, Bytes.hex("03020000"), "t");
        assertArrayEquals(Bytes.hex("14000000 1000 0100 07000000 00000000 03020000"), r.encode(7, 0));
    }

    @Test
    void withFlagsAddsBits() {
        NlRequest r = new NlRequest(18, NlMsgFlags.REQUEST, new byte[0], "t").withFlags(NlMsgFlags.DUMP);
        assertEquals(0x301, r.flags());
        assertArrayEquals(Bytes.hex("10000000 1200 0103 01000000 2a000000"), r.encode(1, 42));
    }
}
