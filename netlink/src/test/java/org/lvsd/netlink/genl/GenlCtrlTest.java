package org.lvsd.netlink.genl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Bytes;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.lvsd.netlink.socket.ScriptedChannel;

class GenlCtrlTest {
    /** A CTRL_CMD_NEWFAMILY reply for nlctrl as the kernel sends it (ops omitted), seq 1, port 0x1234. */
    private static final byte[] NLCTRL_REPLY = Bytes.hex(
            "5c000000 1000 0000 01000000 34120000"   // nlmsghdr: len 92, GENL_ID_CTRL
            + "01020000"                             // genlmsghdr: CTRL_CMD_NEWFAMILY, version 2
            + "0600 0100 1000 0000"                  // CTRL_ATTR_FAMILY_ID 0x10
            + "0b00 0200 6e6c6374726c00 00"          // CTRL_ATTR_FAMILY_NAME "nlctrl"
            + "0800 0300 02000000"                   // CTRL_ATTR_VERSION 2
            + "0800 0400 00000000"                   // CTRL_ATTR_HDRSIZE 0
            + "0800 0500 0a000000"                   // CTRL_ATTR_MAXATTR 10
            + "1c00 0780"                            // CTRL_ATTR_MCAST_GROUPS (nested)
            + "1800 0180"                            //   group #1 (nested)
            + "0800 0200 10000000"                   //     CTRL_ATTR_MCAST_GRP_ID 16
            + "0b00 0100 6e6f7469667900 00");        //     CTRL_ATTR_MCAST_GRP_NAME "notify"

    @Test
    void getFamilyRequestIsGolden() {
        assertArrayEquals(Bytes.hex("20000000 1000 0500 01000000 00000000 03020000 0b00 0200 6e6c6374726c00 00"),
                GenlCtrl.getFamily("nlctrl").withFlags(5).encode(1, 0));
    }

    @Test
    void decodesFamilyReplyWithGroups() {
        NlMessage m = NlMessage.decodeAll(Netlink.wrap(NLCTRL_REPLY)).get(0);
        GenlMessage g = GenlMessage.decode(m);
        assertEquals(new GenlHeader(1, 2, 0), g.genl());
        GenlFamily f = GenlFamily.decode(g);
        assertEquals(new GenlFamily(0x10, "nlctrl", 2, 0, 10, List.of(new McastGroup("notify", 16))), f);
        assertEquals(Optional.of(new McastGroup("notify", 16)), f.group("notify"));
        assertEquals(Optional.empty(), f.group("other"));
    }

    @Test
    void resolverReturnsFamily() throws Exception {
        ScriptedChannel ch = new ScriptedChannel(req -> List.of(NLCTRL_REPLY,
                socketAck(req.header().seq())));
        Optional<GenlFamily> f = new GenlFamilies(new NetlinkSocket(ch, Duration.ofSeconds(1), 1)).resolve("nlctrl");
        assertEquals(0x10, f.orElseThrow().id());
    }

    @Test
    void resolverMapsEnoentToEmpty() throws Exception {
        ScriptedChannel ch = new ScriptedChannel(req -> List.of(Bytes.hex(
                "24000000 0200 0001 01000000 34120000 feffffff 20000000 1000 0500 01000000 34120000")));
        assertEquals(Optional.empty(), new GenlFamilies(new NetlinkSocket(ch, Duration.ofSeconds(1), 1)).resolve("IPVS"));
    }

    private static byte[] socketAck(int seq) {
        return Bytes.hex("24000000 0200 0001 0" + seq + "000000 34120000 00000000 20000000 1000 0500 01000000 34120000");
    }
}
