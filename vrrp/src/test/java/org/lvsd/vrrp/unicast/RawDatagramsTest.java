package org.lvsd.vrrp.unicast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.codec.IpContext;

class RawDatagramsTest {

    private static final byte[] VRRP = {0x21, 61, 100, 1, 0, 1, (byte) 0xaa, (byte) 0xbb, (byte) 198, 51, 100, 100};

    @Test
    void ipv4DatagramGivesHeaderFieldsAndPayloadWithoutPadding() throws Exception {
        byte[] ip = {
            0x45, (byte) 0xc0, 0, 32, 0, 1, 0, 0, 64, 112, 0, 0,
            (byte) 198, 51, 100, 2, (byte) 198, 51, 100, 3};
        byte[] datagram = new byte[ip.length + VRRP.length + 2];
        System.arraycopy(ip, 0, datagram, 0, ip.length);
        System.arraycopy(VRRP, 0, datagram, ip.length, VRRP.length);

        ReceivedIp r = RawDatagrams.ipv4(datagram).orElseThrow();

        assertEquals(new IpContext(InetAddress.getByName("198.51.100.2"), InetAddress.getByName("198.51.100.3"), 64),
                r.ip());
        assertArrayEquals(VRRP, r.vrrp());
    }

    @Test
    void ipv4RejectsOtherProtocolsVersionsAndTruncation() {
        byte[] udp = {0x45, 0, 0, 20, 0, 0, 0, 0, 64, 17, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8};
        byte[] v6 = {0x60, 0, 0, 20, 0, 0, 0, 0, 64, 112, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8};
        assertTrue(RawDatagrams.ipv4(udp).isEmpty());
        assertTrue(RawDatagrams.ipv4(v6).isEmpty());
        assertTrue(RawDatagrams.ipv4(new byte[19]).isEmpty());
    }

    @Test
    void ipv6TakesSourceFromTheNameAndDestinationAndHopLimitFromControlMessages() throws Exception {
        byte[] src = InetAddress.getByName("fe80::51:ff:fe00:2").getAddress();
        byte[] dst = InetAddress.getByName("2001:db8::3").getAddress();
        ByteBuffer name = ByteBuffer.allocate(28).order(ByteOrder.nativeOrder());
        name.putShort((short) 10).putShort((short) 0).putInt(0).put(src).putInt(7);
        ByteBuffer control = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder());
        // cmsg IPV6_PKTINFO: len 36, padded to 40
        control.putLong(36).putInt(41).putInt(RawDatagrams.IPV6_PKTINFO).put(dst).putInt(7).putInt(0);
        // cmsg IPV6_HOPLIMIT: len 20, padded to 24
        control.putLong(20).putInt(41).putInt(RawDatagrams.IPV6_HOPLIMIT).putInt(255).putInt(0);

        ReceivedIp r = RawDatagrams.ipv6(name.array(), control.array(), VRRP).orElseThrow();

        assertEquals(InetAddress.getByName("fe80::51:ff:fe00:2"), r.ip().source());
        assertEquals(7, ((Inet6Address) r.ip().source()).getScopeId());
        assertEquals(InetAddress.getByName("2001:db8::3"), r.ip().destination());
        assertEquals(255, r.ip().ttl());
        assertArrayEquals(VRRP, r.vrrp());
    }

    @Test
    void ipv6WithoutHopLimitIsDropped() {
        ByteBuffer name = ByteBuffer.allocate(28).order(ByteOrder.nativeOrder());
        name.putShort((short) 10);
        assertTrue(RawDatagrams.ipv6(name.array(), new byte[0], VRRP).isEmpty());
        assertTrue(RawDatagrams.ipv6(new byte[4], new byte[0], VRRP).isEmpty());
    }

    @Test
    void socketAddressesAreLinuxSockaddrLayouts() throws Exception {
        ByteBuffer v4 = ByteBuffer.wrap(RawVrrpSocket.sockaddr(InetAddress.getByName("198.51.100.3"), 0))
                .order(ByteOrder.nativeOrder());
        assertEquals(16, v4.capacity());
        assertEquals(2, v4.getShort(0));
        assertEquals((198 << 24 | 51 << 16 | 100 << 8 | 3), v4.order(ByteOrder.BIG_ENDIAN).getInt(4));
        ByteBuffer v6 = ByteBuffer.wrap(RawVrrpSocket.sockaddr(InetAddress.getByName("fe80::1"), 9))
                .order(ByteOrder.nativeOrder());
        assertEquals(28, v6.capacity());
        assertEquals(10, v6.getShort(0));
        assertEquals((byte) 0xfe, v6.get(8));
        assertEquals(1, v6.get(23));
        assertEquals(9, v6.getInt(24));
    }
}
