package org.lvsd.healthcheck.icmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EchoCodecTest {

    private static final byte[] DATA = "abcdefgh".getBytes(StandardCharsets.US_ASCII);

    @Test
    void ipv4RequestCarriesTypeIdentifierSequenceDataAndRfc1071Checksum() {
        byte[] expected = {0x08, 0x00, 0x54, 0x35, 0x12, 0x34, 0x00, 0x01,
            0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68};
        byte[] request = EchoCodec.request(IcmpFamily.INET, 0x1234, 1, DATA);
        assertArrayEquals(expected, request);
        assertEquals(0, EchoCodec.checksum(request));
    }

    @Test
    void ipv6RequestLeavesTheChecksumToTheKernel() {
        byte[] expected = {(byte) 0x80, 0x00, 0x00, 0x00, (byte) 0xfe, (byte) 0xdc, 0x12, 0x34,
            0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68};
        assertArrayEquals(expected, EchoCodec.request(IcmpFamily.INET6, 0xfedc, 0x1234, DATA));
    }

    @Test
    void checksumOfAnOddLengthMessagePadsWithZero() {
        assertEquals(0xFFFF - 0x0102 - 0x0300, EchoCodec.checksum(new byte[] {1, 2, 3}));
    }

    @Test
    void ipv4ReplyAfterAnIpHeaderWithOptionsIsDecoded() {
        byte[] packet = new byte[24 + 16];
        packet[0] = 0x46; // version 4, IHL 6 words = 24 octets
        byte[] icmp = EchoCodec.request(IcmpFamily.INET, 0xBEEF, 0xFFFF, DATA);
        icmp[0] = 0; // Echo Reply
        System.arraycopy(icmp, 0, packet, 24, icmp.length);
        EchoCodec.Echo echo = EchoCodec.reply(IcmpFamily.INET, packet, packet.length, true)
                .orElseThrow();
        assertEquals(0xBEEF, echo.identifier());
        assertEquals(0xFFFF, echo.sequence());
        assertArrayEquals(DATA, echo.data());
    }

    @Test
    void ipv6ReplyWithoutHeaderIsDecodedUpToTheReadLength() {
        byte[] buffer = new byte[64];
        byte[] icmp = EchoCodec.request(IcmpFamily.INET6, 7, 9, DATA);
        icmp[0] = (byte) 129;
        System.arraycopy(icmp, 0, buffer, 0, icmp.length);
        EchoCodec.Echo echo = EchoCodec.reply(IcmpFamily.INET6, buffer, icmp.length, false)
                .orElseThrow();
        assertEquals(7, echo.identifier());
        assertEquals(9, echo.sequence());
        assertArrayEquals(DATA, echo.data());
    }

    @Test
    void requestsErrorsWrongCodesAndShortPacketsAreNotReplies() {
        byte[] request = EchoCodec.request(IcmpFamily.INET6, 7, 9, DATA);
        assertTrue(EchoCodec.reply(IcmpFamily.INET6, request, request.length, false).isEmpty());
        byte[] unreachable = request.clone();
        unreachable[0] = 1;
        assertTrue(EchoCodec.reply(IcmpFamily.INET6, unreachable, unreachable.length, false)
                .isEmpty());
        byte[] badCode = request.clone();
        badCode[0] = (byte) 129;
        badCode[1] = 1;
        assertTrue(EchoCodec.reply(IcmpFamily.INET6, badCode, badCode.length, false).isEmpty());
        byte[] reply = request.clone();
        reply[0] = (byte) 129;
        assertTrue(EchoCodec.reply(IcmpFamily.INET6, reply, 7, false).isEmpty());
        assertTrue(EchoCodec.reply(IcmpFamily.INET6, reply, 8, false).isPresent());
    }

    @Test
    void anIpv4PacketWithoutVersion4IsIgnored() {
        byte[] packet = new byte[40];
        packet[0] = 0x65;
        assertTrue(EchoCodec.reply(IcmpFamily.INET, packet, packet.length, true).isEmpty());
        assertTrue(EchoCodec.reply(IcmpFamily.INET, packet, 19, true).isEmpty());
    }
}
