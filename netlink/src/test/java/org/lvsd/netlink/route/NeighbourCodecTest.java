package org.lvsd.netlink.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Bytes;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NlMessage;

class NeighbourCodecTest {

    private static NlMessage msg(String hex) {
        return NlMessage.decodeAll(Netlink.wrap(Bytes.hex(hex))).get(0);
    }

    @Test
    void getRequestIsGolden() throws Exception {
        assertArrayEquals(Bytes.hex("24000000 1e00 0000 01000000 00000000"   // RTM_GETNEIGH
                + "02 00 0000 02000000 0000 00 00"                            // AF_INET, if 2, state/flags/type 0
                + "0800 0100 c6336415"),                                      // NDA_DST
                NeighbourCodec.get(InetAddress.getByName("198.51.100.21"), 2).encode(1, 0));
    }

    @Test
    void decodesResolvedEntry() throws Exception {
        Neighbour n = NeighbourCodec.decode(msg("30000000 1c00 0000 01000000 34120000"
                + "02 00 0000 02000000 8000 00 01"
                + "0800 0100 c6336415"
                + "0a00 0200 025100000015 0000"));
        assertEquals(new Neighbour(2, InetAddress.getByName("198.51.100.21"),
                Optional.of(HardwareAddress.parse("02:51:00:00:00:15")), Neighbour.NUD_PERMANENT, 0), n);
        assertTrue(n.isResolved());
    }

    @Test
    void incompleteEntryIsNotResolved() throws Exception {
        Neighbour n = NeighbourCodec.decode(msg("24000000 1c00 0000 01000000 34120000"
                + "02 00 0000 02000000 0100 00 01"
                + "0800 0100 c6336416"));
        assertEquals(Optional.empty(), n.lladdr());
        assertFalse(n.isResolved());
    }
}
