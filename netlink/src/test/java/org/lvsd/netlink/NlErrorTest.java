package org.lvsd.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NlErrorTest {

    private static NlError decode(String hex) {
        return NlMessage.decodeAll(Netlink.wrap(Bytes.hex(hex))).get(0).error();
    }

    @Test
    void decodesCappedAck() {
        NlError e = decode("24000000 0200 0001 09000000 00000000"   // NLMSG_ERROR, NLM_F_CAPPED
                + "00000000"                                          // error 0
                + "28000000 1400 0506 09000000 00000000");            // echoed RTM_NEWADDR header
        assertTrue(e.isAck());
        assertEquals(Optional.of(new NlMsgHeader(0x28, 20, 0x0605, 9, 0)), e.request());
        assertEquals(Optional.empty(), e.message());
    }

    @Test
    void decodesErrorWithEchoedRequestAndExtendedAck() {
        NlError e = decode("44000000 0200 0002 03000000 00000000"   // NLMSG_ERROR, NLM_F_ACK_TLVS
                + "efffffff"                                          // -17
                + "18000000 1000 0500 03000000 00000000 03020000 04000100" // echoed 24-byte request
                + "0d00 0100 4578697374696e67 00 000000"            // NLMSGERR_ATTR_MSG "Existing"
                + "0800 0200 14000000");                             // NLMSGERR_ATTR_OFFS 20
        assertFalse(e.isAck());
        assertEquals(17, e.errno());
        assertEquals(0x10, e.request().orElseThrow().type());
        assertEquals(Optional.of("Existing"), e.message());
        assertEquals(OptionalInt.of(20), e.offset());
    }

    @Test
    void decodesCappedErrorWithExtendedAck() {
        NlError e = decode("2c000000 0200 0003 04000000 00000000"   // CAPPED | ACK_TLVS
                + "feffffff"                                          // -2
                + "40000000 1000 0500 04000000 00000000"
                + "0700 0100 6e6f 00 00");                            // "no"
        assertEquals(2, e.errno());
        assertEquals(Optional.of("no"), e.message());
    }

    @Test
    void decodesDoneWithErrorAndMessage() {
        NlMessage m = NlMessage.decodeAll(Netlink.wrap(Bytes.hex("1c000000 0300 0202 01000000 00000000"
                + "eaffffff 0700 0100 6269 00 00"))).get(0);
        NlError e = m.doneStatus();
        assertEquals(22, e.errno());
        assertEquals(Optional.empty(), e.request());
        assertEquals(Optional.of("bi"), e.message());
    }

    @Test
    void rejectsNonErrorMessage() {
        NlMessage m = NlMessage.decodeAll(Netlink.wrap(Bytes.hex("14000000 1400 0000 00000000 00000000 00000000"))).get(0);
        assertThrows(NetlinkProtocolException.class, m::error);
    }
}
