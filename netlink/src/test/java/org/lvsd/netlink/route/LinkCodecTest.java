package org.lvsd.netlink.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Bytes;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlMessage;

class LinkCodecTest {

    private static NlMessage msg(String hex) {
        return NlMessage.decodeAll(Netlink.wrap(Bytes.hex(hex))).get(0);
    }

    @Test
    void requestsAreGolden() {
        assertArrayEquals(Bytes.hex("20000000 1200 0000 01000000 00000000 00000000 00000000 00000000 00000000"),
                LinkCodec.dump().encode(1, 0));
        assertArrayEquals(Bytes.hex("2c000000 1200 0000 01000000 00000000 00000000 00000000 00000000 00000000"
                + "0900 0300 65746830 00 000000"), LinkCodec.get("eth0").encode(1, 0));
        assertArrayEquals(Bytes.hex("20000000 1200 0000 01000000 00000000 00000000 07000000 00000000 00000000"),
                LinkCodec.get(7).encode(1, 0));
    }

    @Test
    void decodesNewLinkWithStateMacMtuAndKind() {
        Link l = LinkCodec.decode(msg("58000000 1000 0000 01000000 34120000"
                + "00 00 0100 02000000 43100100 00000000"       // ARPHRD_ETHER, if 2, UP|BROADCAST|RUNNING|MULTICAST|LOWER_UP
                + "0900 0300 65746830 00 000000"                // IFLA_IFNAME eth0
                + "0800 0400 dc050000"                          // IFLA_MTU 1500
                + "0500 1000 06 000000"                         // IFLA_OPERSTATE UP
                + "0a00 0100 025100000002 0000"                 // IFLA_ADDRESS
                + "1000 1280 0900 0100 76657468 00 000000"));   // IFLA_LINKINFO { IFLA_INFO_KIND veth }
        assertEquals(new Link(2, "eth0", 0x11043, 1500, OperState.UP,
                Optional.of(HardwareAddress.parse("02:51:00:00:00:02")), Optional.of("veth")), l);
        assertTrue(l.isUp());
        assertTrue(l.isRunning());
        assertTrue(l.isLowerUp());
    }

    @Test
    void decodesDelLinkNotification() {
        LinkEvent e = LinkCodec.event(msg("2c000000 1100 0000 00000000 00000000"
                + "00 00 0100 05000000 02100000 ffffffff"
                + "0900 0300 65746831 00 000000"));
        assertTrue(e.removed());
        assertEquals(new Link(5, "eth1", 0x1002, 0, OperState.UNKNOWN, Optional.empty(), Optional.empty()), e.link());
        assertFalse(e.link().isUp());
    }

    @Test
    void rejectsUnknownOperState() {
        assertThrows(NetlinkProtocolException.class, () -> OperState.valueOf((byte) 7));
        assertEquals(OperState.LOWERLAYERDOWN, OperState.valueOf((byte) 3));
        assertEquals(3, OperState.LOWERLAYERDOWN.byteValue());
    }

    @Test
    void hardwareAddressPrintsLikeIp() {
        HardwareAddress h = new HardwareAddress(Bytes.hex("02510000000a"));
        assertEquals("02:51:00:00:00:0a", h.toString());
        assertEquals(h, HardwareAddress.parse("02:51:00:00:00:0A"));
    }
}
