package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.table.TcpFlags;

class FrameTest {
    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    /** A client SYN: 02:51:00:00:00:0a -> 02:51:00:00:00:02, 198.51.100.10:40000 -> 198.51.100.100:80. */
    private static byte[] syn() {
        return bytes(
                0x02, 0x51, 0, 0, 0, 0x02, // destination MAC (dir1)
                0x02, 0x51, 0, 0, 0, 0x0a, // source MAC (client)
                0x08, 0x00, // IPv4
                0x45, 0x00, 0x00, 0x28, // version 4, IHL 5, total length 40
                0x12, 0x34, 0x40, 0x00, // id, DF, fragment offset 0
                0x40, 0x06, 0x00, 0x00, // TTL 64, TCP, checksum (not checked)
                0xC6, 0x33, 0x64, 0x0A, // 198.51.100.10
                0xC6, 0x33, 0x64, 0x64, // 198.51.100.100
                0x9C, 0x40, 0x00, 0x50, // ports 40000 -> 80
                0, 0, 0, 1, 0, 0, 0, 0, // seq, ack
                0x50, 0x02, 0xFF, 0xFF, // data offset 5, SYN, window
                0, 0, 0, 0); // checksum, urgent
    }

    @Test
    void parsesATcpSyn() throws Exception {
        Frame f = Frame.parse(ByteBuffer.wrap(syn()));
        assertEquals(new Frame(Protocol.TCP, InetAddress.getByName("198.51.100.10"), 40000,
                InetAddress.getByName("198.51.100.100"), 80, TcpFlags.SYN, 40), f);
    }

    @Test
    void parsesFinAckAndRstFlags() {
        byte[] frame = syn();
        frame[14 + 20 + 13] = 0x11;
        assertEquals(TcpFlags.FIN_ACK, Frame.parse(ByteBuffer.wrap(frame)).flags());
        frame[14 + 20 + 13] = 0x04;
        assertEquals(TcpFlags.RST, Frame.parse(ByteBuffer.wrap(frame)).flags());
    }

    @Test
    void parsesUdpWithoutFlags() throws Exception {
        byte[] frame = Arrays.copyOf(syn(), 14 + 20 + 8);
        frame[14 + 9] = 17;
        frame[14 + 3] = 28;
        Frame f = Frame.parse(ByteBuffer.wrap(frame));
        assertEquals(new Frame(Protocol.UDP, InetAddress.getByName("198.51.100.10"), 40000,
                InetAddress.getByName("198.51.100.100"), 80, null, 28), f);
    }

    @Test
    void skipsLaterFragmentsOtherProtocolsAndNonIpv4() {
        byte[] fragment = syn();
        fragment[14 + 7] = 0x10; // offset 16 (x8 bytes): no ports in this fragment
        assertNull(Frame.parse(ByteBuffer.wrap(fragment)));
        byte[] icmp = syn();
        icmp[14 + 9] = 1;
        assertNull(Frame.parse(ByteBuffer.wrap(icmp)));
        byte[] arp = syn();
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertNull(Frame.parse(ByteBuffer.wrap(arp)));
        assertNull(Frame.parse(ByteBuffer.wrap(Arrays.copyOf(syn(), 30))));
    }

    @Test
    void readdressChangesOnlyTheMacs() {
        byte[] frame = syn();
        byte[] before = frame.clone();
        Frame.readdress(ByteBuffer.wrap(frame), bytes(0x02, 0x51, 0, 0, 0, 0x15), bytes(0x02, 0x51, 0, 0, 0, 0x02));
        assertArrayEquals(bytes(0x02, 0x51, 0, 0, 0, 0x15, 0x02, 0x51, 0, 0, 0, 0x02), Arrays.copyOf(frame, 12));
        assertArrayEquals(Arrays.copyOfRange(before, 12, before.length), Arrays.copyOfRange(frame, 12, frame.length));
        assertTrue(Frame.addressedTo(ByteBuffer.wrap(frame), bytes(0x02, 0x51, 0, 0, 0, 0x15)));
        assertFalse(Frame.addressedTo(ByteBuffer.wrap(frame), bytes(0x02, 0x51, 0, 0, 0, 0x02)));
    }

    @Test
    void readsAndRewritesAViewInsideALargerBuffer() throws Exception {
        ByteBuffer ring = ByteBuffer.allocateDirect(200);
        ring.put(70, syn());
        ByteBuffer view = ring.slice(70, syn().length);
        assertEquals(40000, Frame.parse(view).sourcePort());
        Frame.readdress(view, bytes(0x02, 0x51, 0, 0, 0, 0x15), bytes(0x02, 0x51, 0, 0, 0, 0x02));
        byte[] macs = new byte[14];
        ring.get(70, macs);
        assertArrayEquals(bytes(0x02, 0x51, 0, 0, 0, 0x15, 0x02, 0x51, 0, 0, 0, 0x02, 0x08, 0x00), macs);
        assertEquals(0, ring.get(69));
    }
}
