package org.lvsd.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NlMessageTest {

    @Test
    void splitsMultipartDatagramAtAlignedOffsets() {
        // a 17-byte message (1 byte payload + 3 bytes padding), then NLMSG_DONE with status 0
        byte[] dgram = Bytes.hex("11000000 1400 0200 05000000 00000000 ab 000000"
                + "14000000 0300 0200 05000000 00000000 00000000");
        List<NlMessage> msgs = NlMessage.decodeAll(Netlink.wrap(dgram));
        assertEquals(2, msgs.size());
        assertEquals(new NlMsgHeader(17, 20, NlMsgFlags.MULTI, 5, 0), msgs.get(0).header());
        assertArrayEquals(Bytes.hex("ab"), msgs.get(0).payload());
        assertTrue(msgs.get(1).isDone());
        assertTrue(msgs.get(1).doneStatus().isAck());
    }

    @Test
    void rejectsMessageLongerThanDatagram() {
        assertThrows(NetlinkProtocolException.class,
                () -> NlMessage.decodeAll(Netlink.wrap(Bytes.hex("20000000 1400 0000 00000000 00000000"))));
    }

    @Test
    void rejectsTrailingGarbage() {
        assertThrows(NetlinkProtocolException.class,
                () -> NlMessage.decodeAll(Netlink.wrap(Bytes.hex("10000000 0100 0000 00000000 00000000 0102"))));
    }
}
