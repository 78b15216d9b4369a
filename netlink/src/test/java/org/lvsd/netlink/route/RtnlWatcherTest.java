package org.lvsd.netlink.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Bytes;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.lvsd.netlink.socket.ScriptedChannel;

class RtnlWatcherTest {

    @Test
    void joinsGroupsAndDecodesAddressAndLinkEventsIgnoringRoutes() throws Exception {
        ScriptedChannel ch = new ScriptedChannel(m -> List.of());
        ch.queue.add(Bytes.hex("20000000 1500 0000 00000000 00000000"      // RTM_DELADDR
                + "02 18 80 00 02000000 0800 0200 c6336464"
                + "1c000000 1800 0000 00000000 00000000"                    // RTM_NEWROUTE: ignored
                + "02 18 00 00 fe 02 fd 01 00000000"
                + "2c000000 1100 0000 00000000 00000000"                    // RTM_DELLINK
                + "00 00 0100 05000000 02100000 ffffffff 0900 0300 65746831 00 000000"));
        RtnlWatcher w = new RtnlWatcher(new NetlinkSocket(ch, Duration.ofSeconds(1), 1),
                RtmType.GROUP_LINK, RtmType.GROUP_IPV4_IFADDR);
        assertEquals(List.of(1, 5), ch.groups);
        List<RtnlEvent> events = w.poll(Duration.ZERO);
        assertEquals(2, events.size());
        AddressEvent a = (AddressEvent) events.get(0);
        assertTrue(a.removed());
        assertEquals(InetAddress.getByName("198.51.100.100"), a.address().address());
        LinkEvent l = (LinkEvent) events.get(1);
        assertTrue(l.removed());
        assertEquals("eth1", l.link().name());
        w.close();
        assertTrue(ch.closed);
    }
}
