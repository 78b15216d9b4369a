package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lvsd.ipvs.userspace.dr.Bytes.bytes;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** IPv6 in IPv6 as tcpdump -vv decodes it: "IP6 (class 0x28, hlim 64, next-header IPv6 (41) payload length: 60)". */
class Ipv6EncapsulationTest {
    private static final byte[] RS1_MAC = bytes(0x02, 0x51, 0, 0, 0, 0x15);
    private static final byte[] DIR1_MAC = bytes(0x02, 0x51, 0, 0, 0, 0x02);
    private static final byte[] DIR1 = bytes(0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02);
    private static final byte[] RS1 = bytes(0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x21);

    /** {@link Ipv6Encapsulation#encapsulate} of {@code frame} into a fresh 200-byte buffer; the bytes up to its limit. */
    private static byte[] encapsulate(byte[] frame) {
        ByteBuffer out = Ipv6Encapsulation.encapsulate(ByteBuffer.wrap(frame), RS1_MAC, DIR1_MAC, DIR1, RS1,
                ByteBuffer.allocate(200));
        return Arrays.copyOf(out.array(), out.limit());
    }

    @Test
    void wrapsTheDatagramInAnOuterHeaderToTheRealServer() {
        byte[] received = FrameTest.syn6();
        byte[] header = bytes(
                0x02, 0x51, 0, 0, 0, 0x15, // to rs1's MAC
                0x02, 0x51, 0, 0, 0, 0x02, // from dir1's
                0x86, 0xDD, // IPv6
                0x62, 0x80, 0x00, 0x00, // version 6, the inner traffic class 0x28, flow label 0
                0x00, 0x3C, 0x29, 0x40, // payload 40 + 20, next header 41 (IPv6), the inner hop limit
                0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, // 2001:db8::2 (dir1)
                0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x21); // 2001:db8::21 (rs1)
        byte[] expected = Arrays.copyOf(header, header.length + 60);
        System.arraycopy(received, 14, expected, header.length, 60);
        assertArrayEquals(expected, encapsulate(received));
    }

    @Test
    void dropsEthernetPaddingAndCopiesAnotherHopLimit() {
        byte[] frame = Arrays.copyOf(FrameTest.syn6(), 14 + 60 + 4);
        frame[14 + 7] = 1;
        byte[] out = encapsulate(frame);
        assertEquals(14 + 40 + 60, out.length);
        assertEquals(1, out[14 + 7]);
        assertEquals(60, Ipv6Encapsulation.innerLength(ByteBuffer.wrap(frame)));
    }

    @Test
    void innerLengthIsBoundedByTheFrame() {
        assertEquals(50, Ipv6Encapsulation.innerLength(ByteBuffer.wrap(FrameTest.syn6(), 0, 14 + 50)));
    }

    @Test
    void refusesIpv4AddressesAndABufferTooSmall() {
        assertThrows(IllegalArgumentException.class, () -> Ipv6Encapsulation.encapsulate(
                ByteBuffer.wrap(FrameTest.syn6()), RS1_MAC, DIR1_MAC, bytes(198, 51, 100, 2), RS1, ByteBuffer.allocate(200)));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Encapsulation.encapsulate(
                ByteBuffer.wrap(FrameTest.syn6()), RS1_MAC, DIR1_MAC, DIR1, RS1, ByteBuffer.allocate(14 + 40 + 59)));
    }
}
