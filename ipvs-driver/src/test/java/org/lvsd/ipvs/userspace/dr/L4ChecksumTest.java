package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.userspace.dr.Bytes.bytes;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class L4ChecksumTest {
    private static byte[] ipv4(int protocol, int totalLength, int... l4) {
        byte[] head = bytes(
                0x02, 0x51, 0, 0, 0, 0x02, 0x02, 0x51, 0, 0, 0, 0x0a, 0x08, 0x00,
                0x45, 0, totalLength >> 8, totalLength & 0xff, 0, 0, 0x40, 0, 0x40, protocol, 0, 0,
                0xC6, 0x33, 0x64, 0x0A, 0xC6, 0x33, 0x64, 0x64);
        byte[] frame = new byte[head.length + l4.length];
        System.arraycopy(head, 0, frame, 0, head.length);
        for (int i = 0; i < l4.length; i++) {
            frame[head.length + i] = (byte) l4[i];
        }
        return frame;
    }

    private static int at(byte[] frame, int offset) {
        return ((frame[offset] & 0xff) << 8) | (frame[offset + 1] & 0xff);
    }

    @Test
    void tcpSynChecksumReplacesAPartialOne() {
        byte[] syn = ipv4(6, 40, 0x9C, 0x40, 0x00, 0x50, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xFF, 0xFF,
                0x12, 0x34, 0, 0);
        L4Checksum.fix(ByteBuffer.wrap(syn));
        assertEquals(0xBE7B, at(syn, 14 + 20 + 16));
    }

    @Test
    void udpChecksumOverAnOddLengthPayload() {
        byte[] udp = ipv4(17, 31, 0x9C, 0x40, 0x00, 0x35, 0, 11, 0xAB, 0xCD, 'h', 'i', '!');
        L4Checksum.fix(ByteBuffer.wrap(udp));
        assertEquals(0x8523, at(udp, 14 + 20 + 6));
    }

    @Test
    void fixesAFrameInAViewOfADirectBuffer() {
        byte[] udp = ipv4(17, 31, 0x9C, 0x40, 0x00, 0x35, 0, 11, 0xAB, 0xCD, 'h', 'i', '!');
        ByteBuffer ring = ByteBuffer.allocateDirect(128);
        ring.put(40, udp).put(40 + udp.length, (byte) 0x77);
        L4Checksum.fix(ring.slice(40, udp.length));
        assertEquals(0x8523, ring.getShort(40 + 14 + 20 + 6) & 0xffff);
    }

    @Test
    void udpWithoutChecksumStaysWithout() {
        byte[] udp = ipv4(17, 31, 0x9C, 0x40, 0x00, 0x35, 0, 11, 0, 0, 'h', 'i', '!');
        L4Checksum.fix(ByteBuffer.wrap(udp));
        assertEquals(0, at(udp, 14 + 20 + 6));
    }

    /** An IPv6 frame, [2001:db8::10] -> [2001:db8::100], carrying {@code l4}, its payload length {@code payload}. */
    private static byte[] ipv6(int nextHeader, int payload, int... l4) {
        byte[] head = bytes(
                0x02, 0x51, 0, 0, 0, 0x02, 0x02, 0x51, 0, 0, 0, 0x0a, 0x86, 0xDD,
                0x60, 0, 0, 0, payload >> 8, payload & 0xff, nextHeader, 0x40,
                0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x10,
                0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00);
        byte[] frame = new byte[head.length + l4.length];
        System.arraycopy(head, 0, frame, 0, head.length);
        for (int i = 0; i < l4.length; i++) {
            frame[head.length + i] = (byte) l4[i];
        }
        return frame;
    }

    @Test
    void ipv6TcpSynChecksumCoversThePseudoHeader() {
        // tcpdump -vv: "cksum 0xb6cf (correct)"
        byte[] syn = ipv6(6, 20, 0x9C, 0x40, 0x00, 0x50, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xFF, 0xFF,
                0x12, 0x34, 0, 0);
        L4Checksum.fix(ByteBuffer.wrap(syn));
        assertEquals(0xB6CF, at(syn, 14 + 40 + 16));
    }

    @Test
    void ipv6UdpChecksumIsComputedEvenWhenZero() {
        // tcpdump -vv: "[udp sum ok]"; IPv6 UDP has no "no checksum" (RFC 8200 8.1)
        byte[] udp = ipv6(17, 11, 0x9C, 0x40, 0x00, 0x35, 0, 11, 0, 0, 'h', 'i', '!', 0, 0, 0);
        L4Checksum.fix(ByteBuffer.wrap(udp));
        assertEquals(0x7D77, at(udp, 14 + 40 + 6));
    }
}
