package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lvsd.ipvs.userspace.dr.Bytes.bytes;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IpipEncapsulationTest {
    private static final byte[] RS1_MAC = bytes(0x02, 0x51, 0, 0, 0, 0x15);
    private static final byte[] DIR1_MAC = bytes(0x02, 0x51, 0, 0, 0, 0x02);
    private static final byte[] DIR1 = bytes(198, 51, 100, 2);
    private static final byte[] RS1 = bytes(198, 51, 100, 21);

    /** The inner datagram: a client SYN to the VIP, TOS 0x10, DF, TTL 64 (40 bytes). */
    private static byte[] innerDatagram() {
        return bytes(
                0x45, 0x10, 0x00, 0x28, 0x12, 0x34, 0x40, 0x00,
                0x40, 0x06, 0xAB, 0xCD, 0xC6, 0x33, 0x64, 0x0A, 0xC6, 0x33, 0x64, 0x64,
                0x9C, 0x40, 0x00, 0x50, 0, 0, 0, 1, 0, 0, 0, 0,
                0x50, 0x02, 0xFF, 0xFF, 0x12, 0x34, 0, 0);
    }

    /** The SYN as dir1 received it from the client, with 6 bytes of Ethernet padding (60-byte minimum). */
    private static byte[] receivedFrame() {
        byte[] eth = bytes(0x02, 0x51, 0, 0, 0, 0x02, 0x02, 0x51, 0, 0, 0, 0x0a, 0x08, 0x00);
        byte[] frame = new byte[14 + 40 + 6];
        System.arraycopy(eth, 0, frame, 0, 14);
        System.arraycopy(innerDatagram(), 0, frame, 14, 40);
        return frame;
    }

    /** {@link IpipEncapsulation#encapsulate} of {@code frame} into a fresh 100-byte buffer; the bytes up to its limit. */
    private static byte[] encapsulate(byte[] frame, byte[] destination, int id) {
        ByteBuffer out = IpipEncapsulation.encapsulate(ByteBuffer.wrap(frame), RS1_MAC, DIR1_MAC, DIR1, destination, id,
                ByteBuffer.allocate(100));
        return Arrays.copyOf(out.array(), out.limit());
    }

    @Test
    void wrapsTheDatagramInAnOuterHeaderToTheRealServer() {
        byte[] out = encapsulate(receivedFrame(), RS1, 0x1235);
        byte[] header = bytes(
                0x02, 0x51, 0, 0, 0, 0x15, // to rs1's MAC
                0x02, 0x51, 0, 0, 0, 0x02, // from dir1's
                0x08, 0x00, // IPv4
                0x45, 0x10, 0x00, 0x3C, // version 4, IHL 5, inner TOS, total 20 + 40
                0x12, 0x35, 0x40, 0x00, // identification, DF copied, offset 0
                0x40, 0x04, 0xD3, 0xFA, // inner TTL, protocol 4 (IPIP), header checksum
                0xC6, 0x33, 0x64, 0x02, // 198.51.100.2 (dir1)
                0xC6, 0x33, 0x64, 0x15); // 198.51.100.21 (rs1)
        byte[] expected = Arrays.copyOf(header, header.length + 40);
        System.arraycopy(innerDatagram(), 0, expected, header.length, 40);
        assertArrayEquals(expected, out);
    }

    @Test
    void leavesDfClearAndCopiesTtlAndTosWhenTheInnerHeaderDoes() {
        byte[] frame = receivedFrame();
        frame[14 + 1] = 0;
        frame[14 + 6] = 0;
        frame[14 + 8] = 1;
        byte[] out = encapsulate(frame, RS1, 0xffff);
        assertArrayEquals(bytes(0x45, 0x00, 0x00, 0x3C, 0xFF, 0xFF, 0x00, 0x00, 0x01, 0x04, 0x65, 0x40),
                Arrays.copyOfRange(out, 14, 26));
    }

    @Test
    void innerLengthIsTheTotalLengthWithoutPaddingAndBoundedByTheFrame() {
        assertEquals(40, IpipEncapsulation.innerLength(ByteBuffer.wrap(receivedFrame())));
        assertEquals(30, IpipEncapsulation.innerLength(ByteBuffer.wrap(receivedFrame(), 0, 14 + 30)));
    }

    @Test
    void refusesAddressesOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> encapsulate(receivedFrame(),
                bytes(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x15), 1));
    }

    @Test
    void refusesABufferTooSmallForTheOuterFrame() {
        assertThrows(IllegalArgumentException.class, () -> IpipEncapsulation.encapsulate(ByteBuffer.wrap(receivedFrame()),
                RS1_MAC, DIR1_MAC, DIR1, RS1, 1, ByteBuffer.allocate(14 + 20 + 39)));
    }
}
