package org.lvsd.netlink.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.route.Link;
import org.lvsd.netlink.route.RtNetlink;

class JnaNetlinkChannelIT {

    @Test
    void receiveWithoutTrafficReturnsAfterTimeout() throws Exception {
        try (NetnsLab lab = NetnsLab.create();
                NetlinkSocket s = NetworkNamespace.call(lab.file(), () -> NetlinkSocket.open(Netlink.NETLINK_ROUTE))) {
            long start = System.nanoTime();
            assertEquals(List.of(), s.receiveNotifications(Duration.ofMillis(200)));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 190 && ms < 5_000, "waited " + ms + " ms");
        }
    }

    @Test
    void socketOpenedThroughSetnsSeesOnlyTheNamespacesLinks() throws Exception {
        try (NetnsLab lab = NetnsLab.create();
                RtNetlink rt = NetworkNamespace.call(lab.file(), RtNetlink::open)) {
            // a fresh namespace has only its loopback, whatever the root namespace holds
            assertEquals(List.of("lo"), rt.links().stream().map(Link::name).toList());
        }
    }
}
