package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.userspace.dr.Bytes.bytes;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.table.TcpFlags;

class FrameTest {
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

    /**
     * A client SYN over IPv6: 02:51:00:00:00:0a -> 02:51:00:00:00:02, [2001:db8::10]:40000 ->
     * [2001:db8::100]:80, traffic class 0x28, flow label 0x12345.
     */
    static byte[] syn6() {
        return bytes(
                0x02, 0x51, 0, 0, 0, 0x02, // destination MAC (dir1)
                0x02, 0x51, 0, 0, 0, 0x0a, // source MAC (client)
                0x86, 0xDD, // IPv6
                0x62, 0x81, 0x23, 0x45, // version 6, traffic class 0x28, flow label 0x12345
                0x00, 0x14, 0x06, 0x40, // payload length 20, next header TCP, hop limit 64
                0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x10, // 2001:db8::10
                0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00, // 2001:db8::100
                0x9C, 0x40, 0x00, 0x50, // ports 40000 -> 80
                0, 0, 0, 1, 0, 0, 0, 0, // seq, ack
                0x50, 0x02, 0xFF, 0xFF, // data offset 5, SYN, window
                0xB6, 0xCF, 0, 0); // checksum, urgent
    }

    @Test
    void parsesAnIpv6TcpSyn() throws Exception {
        Frame f = Frame.parse(ByteBuffer.wrap(syn6()));
        assertEquals(new Frame(Protocol.TCP, InetAddress.getByName("2001:db8::10"), 40000,
                InetAddress.getByName("2001:db8::100"), 80, TcpFlags.SYN, 60), f);
    }

    @Test
    void parsesIpv6UdpWithEthernetPaddingAfterIt() throws Exception {
        byte[] frame = Arrays.copyOf(syn6(), 14 + 40 + 8 + 6);
        frame[14 + 5] = 8;
        frame[14 + 6] = 17;
        Frame f = Frame.parse(ByteBuffer.wrap(frame));
        assertEquals(new Frame(Protocol.UDP, InetAddress.getByName("2001:db8::10"), 40000,
                InetAddress.getByName("2001:db8::100"), 80, null, 48), f);
    }

    @Test
    void anIpv4MappedIpv6DestinationIsNotTheIpv4Vip() throws Exception {
        byte[] frame = syn6();
        byte[] mapped = bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 198, 51, 100, 100);
        System.arraycopy(mapped, 0, frame, 14 + 24, 16);
        InetAddress destination = Frame.parse(ByteBuffer.wrap(frame)).destination();
        assertTrue(destination instanceof Inet6Address, destination.toString());
        assertNotEquals(InetAddress.getByName("198.51.100.100"), destination);
    }

    @Test
    void ipv6ExtensionHeadersAreNotFollowed() {
        for (int next : new int[] {0, 43, 44, 50, 51, 58, 60, 59}) {
            byte[] frame = syn6();
            frame[14 + 6] = (byte) next;
            assertNull(Frame.parse(ByteBuffer.wrap(frame)), "next header " + next);
        }
    }

    @Test
    void malformedIpv6IsNotParsed() {
        byte[] version4 = syn6();
        version4[14] = 0x42;
        assertNull(Frame.parse(ByteBuffer.wrap(version4)));
        byte[] longerThanTheFrame = syn6();
        longerThanTheFrame[14 + 5] = 21;
        assertNull(Frame.parse(ByteBuffer.wrap(longerThanTheFrame)));
        byte[] noRoomForTcp = syn6();
        noRoomForTcp[14 + 5] = 13;
        assertNull(Frame.parse(ByteBuffer.wrap(noRoomForTcp)));
        byte[] udpShorterThanItsPorts = Arrays.copyOf(syn6(), 14 + 40 + 3);
        udpShorterThanItsPorts[14 + 5] = 3;
        udpShorterThanItsPorts[14 + 6] = 17;
        assertNull(Frame.parse(ByteBuffer.wrap(udpShorterThanItsPorts)));
        byte[] jumbo = syn6();
        jumbo[14 + 5] = 0;
        assertNull(Frame.parse(ByteBuffer.wrap(jumbo)));
    }

    @Test
    void everyTruncatedIpv6FrameParsesToNothing() {
        byte[] whole = syn6();
        for (int length = 0; length < whole.length; length++) {
            assertNull(Frame.parse(ByteBuffer.wrap(whole, 0, length).slice()), "first " + length + " bytes");
        }
    }

    @Test
    void aTruncatedIpv4FrameParsesOnlyWithItsPorts() {
        byte[] whole = syn();
        for (int length = 0; length < whole.length; length++) {
            Frame f = Frame.parse(ByteBuffer.wrap(whole, 0, length).slice());
            assertEquals(length >= 14 + 20 + 14, f != null, "first " + length + " bytes");
        }
    }
}
