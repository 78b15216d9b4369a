package org.lvsd.ipvs.userspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProxyHeaderTest {
    private static InetSocketAddress at(String address, int port) throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(address), port);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void v1Ipv4IsOneAsciiLine() throws Exception {
        byte[] h = ProxyHeader.v1(at("198.51.100.10", 40000), at("198.51.100.100", 80));
        assertEquals("PROXY TCP4 198.51.100.10 198.51.100.100 40000 80\r\n", new String(h, StandardCharsets.US_ASCII));
    }

    @Test
    void v1Ipv6UsesCompressedAddresses() throws Exception {
        byte[] h = ProxyHeader.v1(at("2001:db8:0:0:0:0:0:10", 40000), at("2001:db8::100", 443));
        assertEquals("PROXY TCP6 2001:db8::10 2001:db8::100 40000 443\r\n", new String(h, StandardCharsets.US_ASCII));
    }

    @Test
    void v2Ipv4GoldenBytes() throws Exception {
        byte[] expected = bytes(
                0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, // signature
                0x21, // version 2, PROXY
                0x11, // AF_INET, STREAM
                0x00, 0x0C, // 12 address bytes
                0xC6, 0x33, 0x64, 0x0A, // 198.51.100.10
                0xC6, 0x33, 0x64, 0x64, // 198.51.100.100
                0x9C, 0x40, // 40000
                0x00, 0x50); // 80
        assertArrayEquals(expected, ProxyHeader.v2(at("198.51.100.10", 40000), at("198.51.100.100", 80)));
    }

    @Test
    void v2Ipv6GoldenBytes() throws Exception {
        byte[] expected = bytes(
                0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A,
                0x21,
                0x21, // AF_INET6, STREAM
                0x00, 0x24, // 36 address bytes
                0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x10,
                0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00,
                0x9C, 0x40,
                0x01, 0xBB); // 443
        assertArrayEquals(expected, ProxyHeader.v2(at("2001:db8::10", 40000), at("2001:db8::100", 443)));
    }

    @Test
    void noneIsEmptyAndEncodeDispatches() throws Exception {
        InetSocketAddress s = at("198.51.100.10", 1);
        InetSocketAddress d = at("198.51.100.100", 2);
        assertEquals(0, ProxyHeader.encode(ProxyProtocol.NONE, s, d).length);
        assertArrayEquals(ProxyHeader.v1(s, d), ProxyHeader.encode(ProxyProtocol.V1, s, d));
        assertArrayEquals(ProxyHeader.v2(s, d), ProxyHeader.encode(ProxyProtocol.V2, s, d));
    }

    @Test
    void mixedFamiliesAreRefused() throws Exception {
        assertThrows(IllegalArgumentException.class,
                () -> ProxyHeader.v1(at("198.51.100.10", 1), at("2001:db8::100", 2)));
        assertThrows(IllegalArgumentException.class,
                () -> ProxyHeader.v2(at("2001:db8::10", 1), at("198.51.100.100", 2)));
    }
}
