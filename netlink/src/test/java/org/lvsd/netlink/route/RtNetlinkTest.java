package org.lvsd.netlink.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Bytes;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.NlMsgFlags;
import org.lvsd.netlink.NlMsgHeader;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.lvsd.netlink.socket.ScriptedChannel;

class RtNetlinkTest {

    private static byte[] error(NlMsgHeader req, int errno) {
        ByteBuffer b = ByteBuffer.allocate(36).order(Netlink.ORDER);
        new NlMsgHeader(36, 2, NlMsgFlags.CAPPED, req.seq(), ScriptedChannel.PORT).encode(b);
        b.putInt(-errno);
        req.encode(b);
        return b.array();
    }

    private static RtNetlink failingWith(int errno) {
        return new RtNetlink(new NetlinkSocket(new ScriptedChannel(m -> List.of(error(m.header(), errno))),
                Duration.ofSeconds(1), 1));
    }

    @Test
    void missingLinkIsEmpty() throws Exception {
        assertEquals(Optional.empty(), failingWith(Errno.ENODEV.code()).link("nosuch0"));
    }

    @Test
    void missingNeighbourIsEmpty() throws Exception {
        assertEquals(Optional.empty(), failingWith(Errno.ENOENT.code()).neighbour(InetAddress.getByName("198.51.100.9"), 2));
    }

    @Test
    void otherErrorsPropagate() {
        NetlinkException e = assertThrows(NetlinkException.class, () -> failingWith(Errno.EPERM.code()).link("eth0"));
        assertTrue(e.is(Errno.EPERM));
        assertEquals("get link eth0: EPERM (Operation not permitted)", e.getMessage());
    }

    @Test
    void addressesOfOneInterfaceAreFiltered() throws Exception {
        ScriptedChannel ch = new ScriptedChannel(m -> List.of(Bytes.hex(
                "20000000 1400 0200 " + String.format("%02x", m.header().seq()) + "000000 34120000"
                + "02 18 80 00 02000000 0800 0200 c6336464"
                + "20000000 1400 0200 " + String.format("%02x", m.header().seq()) + "000000 34120000"
                + "02 18 80 00 03000000 0800 0200 c6336465"
                + "14000000 0300 0200 " + String.format("%02x", m.header().seq()) + "000000 34120000 00000000")));
        RtNetlink rt = new RtNetlink(new NetlinkSocket(ch, Duration.ofSeconds(1), 1));
        List<IfAddress> a = rt.addresses(3, Family.INET);
        assertEquals(1, a.size());
        assertEquals(InetAddress.getByName("198.51.100.101"), a.get(0).address());
    }
}
