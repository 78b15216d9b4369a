package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.userspace.dr.Bytes.bytes;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The ICMP answer to a 1500-byte UDP datagram with DF that a 1500-byte MTU cannot tunnel. */
class FragmentationNeededTest {
    private static final byte[] DIR1_MAC = bytes(0x02, 0x51, 0, 0, 0, 0x02);

    /** The IP header (TOS 0x10, total 1500, id 0x1234, DF, TTL 64, UDP) and the UDP header, 198.51.100.10:40000 to the VIP:9000. */
    private static final byte[] QUOTED = bytes(
            0x45, 0x10, 0x05, 0xDC, 0x12, 0x34, 0x40, 0x00, 0x40, 0x11, 0xCD, 0xF7,
            0xC6, 0x33, 0x64, 0x0A, 0xC6, 0x33, 0x64, 0x64,
            0x9C, 0x40, 0x23, 0x28, 0x05, 0xC8, 0xAB, 0xCD);

    /** The frame dir1 received from the client: its Ethernet header, then 1500 bytes of datagram. */
    private static ByteBuffer received() {
        byte[] f = new byte[14 + 1500];
        System.arraycopy(bytes(0x02, 0x51, 0, 0, 0, 0x02, 0x02, 0x51, 0, 0, 0, 0x0a, 0x08, 0x00), 0, f, 0, 14);
        System.arraycopy(QUOTED, 0, f, 14, QUOTED.length);
        Arrays.fill(f, 14 + QUOTED.length, f.length, (byte) 'x');
        return ByteBuffer.wrap(f);
    }

    @Test
    void quotesTheHeaderAndEightBytesAndNamesTheMtuLessTheOuterHeader() {
        ByteBuffer frame = received();
        assertTrue(FragmentationNeeded.dontFragment(frame));
        assertEquals(14 + 20 + 8 + 28, FragmentationNeeded.length(frame));
        ByteBuffer out = FragmentationNeeded.write(frame, DIR1_MAC, 1480, 7, ByteBuffer.allocate(128));
        byte[] expected = new byte[14 + 20 + 8 + 28];
        byte[] head = bytes(
                0x02, 0x51, 0, 0, 0, 0x0a, // back to the client's MAC
                0x02, 0x51, 0, 0, 0, 0x02, // from dir1's
                0x08, 0x00,
                0x45, 0xD0, 0x00, 0x38, // TOS: network control precedence 0xc0 | quoted TOS bits 0x10; total 56
                0x00, 0x07, 0x00, 0x00, // id 7, DF clear
                0x40, 0x01, 0x25, 0x19, // TTL 64, ICMP, header checksum
                0xC6, 0x33, 0x64, 0x64, // from the VIP
                0xC6, 0x33, 0x64, 0x0A, // to the client
                0x03, 0x04, 0x86, 0x35, // destination unreachable, fragmentation needed, checksum
                0x00, 0x00, 0x05, 0xC8); // unused, next-hop MTU 1480
        System.arraycopy(head, 0, expected, 0, head.length);
        System.arraycopy(QUOTED, 0, expected, head.length, QUOTED.length);
        assertEquals(expected.length, out.limit());
        assertArrayEquals(expected, Arrays.copyOf(out.array(), out.limit()));
    }

    @Test
    void dontFragmentIsTheDfBitOnly() {
        ByteBuffer frame = received();
        frame.put(14 + 6, (byte) 0x20); // MF, no DF
        assertFalse(FragmentationNeeded.dontFragment(frame));
    }
}
