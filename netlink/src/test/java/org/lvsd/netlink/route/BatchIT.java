package org.lvsd.netlink.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NlRequest;
import org.lvsd.netlink.socket.BatchFailure;
import org.lvsd.netlink.socket.BatchResult;
import org.lvsd.netlink.socket.JnaNetlinkChannel;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.lvsd.netlink.socket.NetnsLab;
import org.lvsd.netlink.socket.NetworkNamespace;

/** Pipelined batches and large multipart dumps against the real kernel, in a namespace of the test's own. */
class BatchIT {
    private static final int COUNT = 1000;

    @Test
    void batchOfThousandAddressesReportsDuplicatesByIndexAndDumpsBack() throws Exception {
        try (NetnsLab lab = NetnsLab.create()) {
            lab.ipIn("link", "add", "nl0", "type", "veth", "peer", "name", "nl1");
            lab.ipIn("link", "set", "nl0", "up");
            try (NetlinkSocket s = NetworkNamespace.call(lab.file(), () -> NetlinkSocket.open(Netlink.NETLINK_ROUTE))) {
                RtNetlink rt = new RtNetlink(s);
                int ifindex = rt.link("nl0").orElseThrow().ifindex();
                List<NlRequest> adds = new ArrayList<>();
                for (int i = 0; i < COUNT; i++) {
                    // every 250th request repeats the first address and must fail alone
                    int host = i > 0 && i % 250 == 0 ? 1 : i + 1;
                    adds.add(IfAddrCodec.add(AddressSpec.of(ifindex,
                            InetAddress.getByName("2001:db8:1::" + Integer.toHexString(host)), 64)
                            .withFlags(IfAddress.F_NODAD)));
                }
                BatchResult r = s.batch(adds);
                assertEquals(COUNT, r.sent());
                assertEquals(List.of(250, 500, 750), r.failures().stream().map(BatchFailure::index).toList());
                for (BatchFailure f : r.failures()) {
                    assertTrue(f.error().is(Errno.EEXIST), f.error().getMessage());
                    assertTrue(f.error().getMessage().startsWith("add address 2001:db8:1:0:0:0:0:1/64"), f.error().getMessage());
                }
                long listed = rt.addresses(ifindex, Family.INET6).stream()
                        .filter(a -> a.address().getHostAddress().startsWith("2001:db8:1:")).count();
                assertEquals(COUNT - 3, listed);
            }
        }
    }

    @Test
    void receiveBufferIsForcedToFourMebibytesAsRoot() throws Exception {
        try (NetnsLab lab = NetnsLab.create();
                JnaNetlinkChannel ch = NetworkNamespace.call(lab.file(),
                        () -> JnaNetlinkChannel.open(Netlink.NETLINK_ROUTE, JnaNetlinkChannel.DEFAULT_RCVBUF))) {
            // the kernel doubles the requested size for bookkeeping (socket(7))
            assertEquals(2 * JnaNetlinkChannel.DEFAULT_RCVBUF, ch.receiveBufferSize());
            assertTrue(ch.portId() != 0);
        }
    }
}
