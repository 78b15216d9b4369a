package org.lvsd.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class NlMsgHeaderTest {

    @Test
    void encodesLengthTypeFlagsSeqPidInHostOrder() {
        ByteBuffer b = ByteBuffer.allocate(16).order(Netlink.ORDER);
        new NlMsgHeader(0x28, 20, NlMsgFlags.REQUEST | NlMsgFlags.ACK | NlMsgFlags.CREATE | NlMsgFlags.EXCL,
                0x01020304, 0x55).encode(b);
        assertArrayEquals(Bytes.hex("28000000 1400 0506 04030201 55000000"), b.array());
    }

    @Test
    void decodesUnsignedTypeAndFlags() {
        NlMsgHeader h = NlMsgHeader.decode(Netlink.wrap(Bytes.hex("10000000 ffff 0203 ffffffff 01000000")));
        assertEquals(new NlMsgHeader(16, 0xffff, 0x0302, -1, 1), h);
        assertEquals(true, h.has(NlMsgFlags.MULTI));
        assertEquals(false, h.has(NlMsgFlags.ACK));
    }

    @Test
    void rejectsLengthShorterThanHeader() {
        assertThrows(NetlinkProtocolException.class,
                () -> NlMsgHeader.decode(Netlink.wrap(Bytes.hex("0f000000 1000 0000 00000000 00000000"))));
    }

    @Test
    void rejectsTruncatedHeader() {
        assertThrows(NetlinkProtocolException.class, () -> NlMsgHeader.decode(Netlink.wrap(new byte[15])));
    }

    @Test
    void dumpFlagIsRootAndMatch() {
        assertEquals(0x300, NlMsgFlags.DUMP);
    }
}
