package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.userspace.dr.Bytes.bytes;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The ICMPv6 answer to a 1500-byte UDP datagram that a 1500-byte MTU cannot tunnel; tcpdump -vv
 * decodes the expected frame as "[icmp6 sum ok] ICMP6, packet too big, mtu 1460".
 */
class PacketTooBigTest {
    private static final byte[] DIR1_MAC = bytes(0x02, 0x51, 0, 0, 0, 0x02);
    private static final byte[] CLIENT = bytes(0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10);
    private static final byte[] VIP = bytes(0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00);

    /** The frame dir1 received: [2001:db8::10]:40000 to [VIP]:9000, 1460 bytes of UDP, 1452 of them 'x'. */
    private static byte[] received() {
        byte[] f = new byte[14 + 1500];
        byte[] head = bytes(0x02, 0x51, 0, 0, 0, 0x02, 0x02, 0x51, 0, 0, 0, 0x0a, 0x86, 0xDD,
                0x60, 0, 0, 0, 0x05, 0xB4, 17, 64);
        System.arraycopy(head, 0, f, 0, head.length);
        System.arraycopy(CLIENT, 0, f, 22, 16);
        System.arraycopy(VIP, 0, f, 38, 16);
        System.arraycopy(bytes(0x9C, 0x40, 0x23, 0x28, 0x05, 0xB4, 0xAB, 0xCD), 0, f, 54, 8);
        Arrays.fill(f, 62, f.length, (byte) 'x');
        return f;
    }

    @Test
    void quotesAsMuchAsFitsTheMinimumMtuAndNamesTheMtuLessTheOuterHeader() {
        byte[] frame = received();
        assertEquals(14 + 40 + 8 + 1232, PacketTooBig.length(ByteBuffer.wrap(frame)));
        ByteBuffer out = PacketTooBig.write(ByteBuffer.wrap(frame), DIR1_MAC, 1460, ByteBuffer.allocate(1400));
        byte[] head = bytes(
                0x02, 0x51, 0, 0, 0, 0x0a, // back to the client's MAC
                0x02, 0x51, 0, 0, 0, 0x02, // from dir1's
                0x86, 0xDD,
                0x60, 0x00, 0x00, 0x00, // version 6, traffic class and flow label 0
                0x04, 0xD8, 0x3A, 0x40); // payload 8 + 1232, next header 58 (ICMPv6), hop limit 64
        byte[] icmp = bytes(
                0x02, 0x00, 0xBB, 0xBF, // packet too big, code 0, checksum
                0x00, 0x00, 0x05, 0xB4); // MTU 1460
        byte[] expected = new byte[14 + 40 + 8 + 1232];
        System.arraycopy(head, 0, expected, 0, head.length);
        System.arraycopy(VIP, 0, expected, 22, 16); // from the VIP
        System.arraycopy(CLIENT, 0, expected, 38, 16); // to the client
        System.arraycopy(icmp, 0, expected, 54, 8);
        System.arraycopy(frame, 14, expected, 62, 1232);
        assertEquals(expected.length, out.limit());
        assertArrayEquals(expected, Arrays.copyOf(out.array(), out.limit()));
    }

    @Test
    void aShortDatagramIsQuotedWhole() {
        byte[] frame = FrameTest.syn6();
        ByteBuffer out = PacketTooBig.write(ByteBuffer.wrap(frame), DIR1_MAC, 1460, ByteBuffer.allocate(200));
        assertEquals(14 + 40 + 8 + 60, out.limit());
        assertArrayEquals(Arrays.copyOfRange(frame, 14, 74), Arrays.copyOfRange(out.array(), 62, 122));
    }

    @Test
    void theUnspecifiedAndMulticastSourcesAreNotAnswered() {
        byte[] frame = received();
        assertTrue(PacketTooBig.mayAnswer(ByteBuffer.wrap(frame)));
        Arrays.fill(frame, 22, 38, (byte) 0);
        assertFalse(PacketTooBig.mayAnswer(ByteBuffer.wrap(frame)));
        frame[37] = 1; // ::1
        assertTrue(PacketTooBig.mayAnswer(ByteBuffer.wrap(frame)));
        frame[22] = (byte) 0xff; // ff00::1
        assertFalse(PacketTooBig.mayAnswer(ByteBuffer.wrap(frame)));
    }
}
