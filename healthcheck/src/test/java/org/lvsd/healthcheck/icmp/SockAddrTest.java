package org.lvsd.healthcheck.icmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class SockAddrTest {

    @Test
    void sockaddrInHasHostOrderFamilyNetworkOrderPortAndTheAddress() throws Exception {
        byte[] expected = {2, 0, 0x12, 0x34, (byte) 198, 51, 100, 9, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] sa = SockAddr.of(InetAddress.getByName("198.51.100.9"), 0x1234);
        assertArrayEquals(expected, sa);
        assertEquals(0x1234, SockAddr.port(sa));
        assertEquals(InetAddress.getByName("198.51.100.9"), SockAddr.address(sa, IcmpFamily.INET));
    }

    @Test
    void sockaddrIn6HasFlowInfoAddressAndScope() throws Exception {
        byte[] sa = SockAddr.of(InetAddress.getByName("2001:db8::9"), 7);
        assertEquals(28, sa.length);
        assertArrayEquals(new byte[] {10, 0, 0, 7, 0, 0, 0, 0, 0x20, 0x01, 0x0d, (byte) 0xb8},
                java.util.Arrays.copyOf(sa, 12));
        assertEquals(9, sa[23]);
        assertEquals(InetAddress.getByName("2001:db8::9"), SockAddr.address(sa, IcmpFamily.INET6));
    }
}
