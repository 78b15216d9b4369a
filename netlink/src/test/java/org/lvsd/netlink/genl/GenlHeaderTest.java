package org.lvsd.netlink.genl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Bytes;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.NlMsgFlags;
import org.lvsd.netlink.NlRequest;

class GenlHeaderTest {

    @Test
    void familyRequestWithNestedAttributesIsGolden() {
        // a dynamic family id 0x21, cmd 1 version 1, one nested attribute holding u16, be16 and bytes
        byte[] payload = new GenlHeader(1, 1).writer()
                .beginNested(1).u16(1, 2).be16(4, 80).bytes(3, Bytes.hex("c6336464")).endNested().toBytes();
        NlRequest r = new NlRequest(0x21, 0, payload, "t").withFlags(NlMsgFlags.REQUEST | NlMsgFlags.ACK);
        assertArrayEquals(Bytes.hex("30000000 2100 0500 09000000 00000000"
                + "01010000"
                + "1c00 0180"
                + "0600 0100 0200 0000"
                + "0600 0400 0050 0000"
                + "0800 0300 c6336464"), r.encode(9, 0));
    }

    @Test
    void decodesHeaderAndAttributes() {
        GenlMessage m = GenlMessage.decode(NlMessage.decodeAll(Netlink.wrap(Bytes.hex(
                "1c000000 2100 0000 09000000 00000000 0f01abcd 0800 0100 00020101"))).get(0));
        assertEquals(new GenlHeader(15, 1, 0xcdab), m.genl());
        assertEquals(0x01010200, m.attrs().get(1).u32());
    }

    @Test
    void rejectsOutOfRangeFields() {
        assertThrows(IllegalArgumentException.class, () -> new GenlHeader(256, 1));
    }
}
