package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.userspace.dr.Bytes.bytes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A 10-byte super-segment at a segment size of 4 makes segments of 4, 4 and 2 bytes. The expected
 * checksums were read once from {@code tcpdump -vv -xx} of the segments written to a pcap (TCP
 * "cksum 0x... (correct)", no "bad cksum" for IPv4), and each segment's checksums are checked
 * again here by a plain RFC 1071 sum.
 */
class TcpSegmentationTest {
    private static final byte[] ETH = bytes(0x02, 0x51, 0, 0, 0, 0x02, 0x02, 0x51, 0, 0, 0, 0x0a, 0x08, 0x00);
    private static final byte[] ETH6 = bytes(0x02, 0x51, 0, 0, 0, 0x02, 0x02, 0x51, 0, 0, 0, 0x0a, 0x86, 0xDD);
    /** TCP 40000 -> 5000, seq 0x01020304, ack 0x0a0b0c0d, data offset 8 (NOP NOP timestamps), window 501, a partial checksum. */
    private static final byte[] TCP = bytes(
            0x9C, 0x40, 0x13, 0x88, 0x01, 0x02, 0x03, 0x04, 0x0A, 0x0B, 0x0C, 0x0D,
            0x80, 0x99, 0x01, 0xF5, 0xAB, 0xCD, 0, 0, // flags CWR PSH ACK FIN
            0x01, 0x01, 0x08, 0x0A, 0, 0, 0, 1, 0, 0, 0, 2);
    private static final byte[] PAYLOAD = "0123456789".getBytes(StandardCharsets.US_ASCII);

    /** An IPv4 super-segment 198.51.100.10 -> 198.51.100.100, DF, ID {@code id}, its header checksum left 0. */
    private static byte[] ipv4(int id, int totalLength) {
        byte[] ip = bytes(0x45, 0, totalLength >> 8, totalLength & 0xff, id >> 8, id & 0xff, 0x40, 0, 0x40, 6, 0, 0,
                198, 51, 100, 10, 198, 51, 100, 100);
        return concat(ETH, ip, TCP, PAYLOAD);
    }

    /** An IPv6 super-segment 2001:db8::10 -> 2001:db8::100, traffic class 0x10, flow label 0x12345. */
    private static byte[] ipv6(int payloadLength) {
        byte[] ip = bytes(0x61, 0x01, 0x23, 0x45, payloadLength >> 8, payloadLength & 0xff, 6, 64,
                0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x10,
                0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00);
        return concat(ETH6, ip, TCP, PAYLOAD);
    }

    private static byte[] concat(byte[]... parts) {
        byte[] out = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** The datagram of segment {@code index}, written where a tunnel frame holds it (after 34 bytes). */
    private static byte[] segment(byte[] frame, int index) {
        ByteBuffer out = ByteBuffer.allocate(200);
        int length = TcpSegmentation.write(ByteBuffer.wrap(frame), 4, index, out, 34);
        return Arrays.copyOfRange(out.array(), 34, 34 + length);
    }

    /** RFC 1071 over the given byte runs, written out without the code under test. */
    private static int sum(byte[]... runs) {
        long sum = 0;
        for (byte[] run : runs) {
            for (int i = 0; i < run.length; i += 2) {
                sum += ((run[i] & 0xff) << 8) | (i + 1 < run.length ? run[i + 1] & 0xff : 0);
            }
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) sum;
    }

    private static void assertTcpChecksumValid(byte[] datagram, int ipHeader, byte[] addresses) {
        byte[] tcp = Arrays.copyOfRange(datagram, ipHeader, datagram.length);
        byte[] pseudo = concat(addresses, bytes(0, 6, tcp.length >> 8, tcp.length & 0xff));
        assertEquals(0xffff, sum(pseudo, tcp), "TCP checksum");
    }

    private static byte[] expected4(int totalLength, int id, int checksum, int seqLow, int flags, int tcpChecksum,
                                    String payload) {
        byte[] ip = bytes(0x45, 0, 0, totalLength, id >> 8, id & 0xff, 0x40, 0, 0x40, 6, checksum >> 8, checksum & 0xff,
                198, 51, 100, 10, 198, 51, 100, 100);
        byte[] tcp = TCP.clone();
        tcp[7] = (byte) seqLow;
        tcp[13] = (byte) flags;
        tcp[16] = (byte) (tcpChecksum >> 8);
        tcp[17] = (byte) tcpChecksum;
        return concat(ip, tcp, payload.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anIpv4SuperSegmentSplitsAsTheKernelWouldSplitIt() {
        byte[] frame = ipv4(0xFFFF, 20 + 32 + 10);
        assertEquals(3, TcpSegmentation.count(ByteBuffer.wrap(frame), TcpSegmentation.GSO_TCPV4, 4));
        assertEquals(20 + 32 + 4, TcpSegmentation.largest(ByteBuffer.wrap(frame), 4));
        // lengths 56, 56, 54; IDs 0xffff, 0, 1; seq +0, +4, +8; CWR only first, PSH and FIN only last
        assertArrayEquals(expected4(56, 0xFFFF, 0xE5EA, 0x04, 0x90, 0xF320, "0123"), segment(frame, 0));
        assertArrayEquals(expected4(56, 0x0000, 0xE5EA, 0x08, 0x10, 0xEB94, "4567"), segment(frame, 1));
        assertArrayEquals(expected4(54, 0x0001, 0xE5EB, 0x0C, 0x19, 0x1DBD, "89"), segment(frame, 2));
        byte[] addresses = bytes(198, 51, 100, 10, 198, 51, 100, 100);
        for (int i = 0; i < 3; i++) {
            byte[] s = segment(frame, i);
            assertEquals(0xffff, sum(Arrays.copyOf(s, 20)), "IP header checksum of segment " + i);
            assertTcpChecksumValid(s, 20, addresses);
        }
    }

    @Test
    void anIpv6SuperSegmentSplitsWithItsPayloadLengthPerSegment() {
        byte[] frame = ipv6(32 + 10);
        assertEquals(3, TcpSegmentation.count(ByteBuffer.wrap(frame), TcpSegmentation.GSO_TCPV6 | TcpSegmentation.GSO_ECN, 4));
        assertEquals(40 + 32 + 4, TcpSegmentation.largest(ByteBuffer.wrap(frame), 4));
        int[] payloadLengths = {36, 36, 34};
        int[] flags = {0x90, 0x10, 0x19};
        int[] checksums = {0xEB74, 0xE3E8, 0x1611};
        String[] payloads = {"0123", "4567", "89"};
        byte[] addresses = Arrays.copyOfRange(frame, 14 + 8, 14 + 40);
        for (int i = 0; i < 3; i++) {
            byte[] ip = Arrays.copyOfRange(frame, 14, 14 + 40);
            ip[5] = (byte) payloadLengths[i];
            byte[] tcp = TCP.clone();
            tcp[7] = (byte) (0x04 + 4 * i);
            tcp[13] = (byte) flags[i];
            tcp[16] = (byte) (checksums[i] >> 8);
            tcp[17] = (byte) checksums[i];
            byte[] s = segment(frame, i);
            assertArrayEquals(concat(ip, tcp, payloads[i].getBytes(StandardCharsets.US_ASCII)), s, "segment " + i);
            assertTcpChecksumValid(s, 40, addresses);
        }
    }

    @Test
    void aSuperSegmentWithinOneSegmentIsOneWholeSegment() {
        byte[] frame = ipv4(0x1234, 20 + 32 + 10);
        ByteBuffer f = ByteBuffer.wrap(frame);
        assertEquals(1, TcpSegmentation.count(f, TcpSegmentation.GSO_TCPV4, 10));
        assertEquals(20 + 32 + 10, TcpSegmentation.largest(f, 1448));
        ByteBuffer out = ByteBuffer.allocate(200);
        assertEquals(62, TcpSegmentation.write(f, 10, 0, out, 34));
        assertEquals(0x99, out.get(34 + 20 + 13) & 0xff, "all flags kept");
    }

    @Test
    void framesThatDescribeNoTcpSplitAreNotSegmented() {
        ByteBuffer ok = ByteBuffer.wrap(ipv4(1, 62));
        assertEquals(0, TcpSegmentation.count(ok, TcpSegmentation.GSO_TCPV4, 0), "segment size 0");
        assertEquals(0, TcpSegmentation.count(ok, TcpSegmentation.GSO_TCPV6, 4), "the other family's type");
        assertEquals(0, TcpSegmentation.count(ok, 3, 4), "UDP fragmentation offload");
        assertEquals(0, TcpSegmentation.count(ok, 5, 4), "UDP segmentation");
        assertEquals(0, TcpSegmentation.count(ByteBuffer.wrap(ipv6(42)), TcpSegmentation.GSO_TCPV4, 4));
        assertEquals(0, TcpSegmentation.count(ByteBuffer.wrap(ipv4(1, 63)), TcpSegmentation.GSO_TCPV4, 4),
                "total length beyond the frame");
        assertEquals(0, TcpSegmentation.count(ByteBuffer.wrap(ipv4(1, 52)), TcpSegmentation.GSO_TCPV4, 4),
                "no payload");
        assertEquals(0, TcpSegmentation.count(ByteBuffer.wrap(ipv4(1, 40)), TcpSegmentation.GSO_TCPV4, 4),
                "the TCP options beyond the datagram");
        assertEquals(0, TcpSegmentation.count(ByteBuffer.wrap(ipv4(1, 30)), TcpSegmentation.GSO_TCPV4, 4),
                "the TCP header beyond the datagram");
        assertEquals(0, TcpSegmentation.count(ByteBuffer.wrap(ipv6(50)), TcpSegmentation.GSO_TCPV6, 4),
                "payload length beyond the frame");
        byte[] shortOffset = ipv4(1, 62);
        shortOffset[14 + 20 + 12] = 0x40;
        assertEquals(0, TcpSegmentation.count(ByteBuffer.wrap(shortOffset), TcpSegmentation.GSO_TCPV4, 4),
                "data offset below 5");
        byte[] fragment = ipv4(1, 62);
        fragment[14 + 6] = 0x20;
        assertEquals(0, TcpSegmentation.count(ByteBuffer.wrap(fragment), TcpSegmentation.GSO_TCPV4, 4),
                "a first fragment");
        byte[] udp = ipv4(1, 62);
        udp[14 + 9] = 17;
        assertEquals(0, TcpSegmentation.count(ByteBuffer.wrap(udp), TcpSegmentation.GSO_TCPV4, 4), "UDP");
        assertEquals(0, TcpSegmentation.count(ByteBuffer.wrap(Arrays.copyOf(ipv4(1, 62), 40)),
                TcpSegmentation.GSO_TCPV4, 4), "a frame shorter than the headers");
    }
}
