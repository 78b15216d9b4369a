package org.lvsd.vrrp.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class MacAddressTest {

    @Test
    void parsesAndFormats() {
        MacAddress mac = MacAddress.parse("02:51:00:00:0a:ff");
        assertEquals(0x0251_0000_0affL, mac.value());
        assertEquals("02:51:00:00:0a:ff", mac.toString());
        assertArrayEquals(new byte[] {2, 0x51, 0, 0, 0x0a, (byte) 0xff}, mac.bytes());
        assertEquals(mac, MacAddress.of(mac.bytes()));
    }

    @Test
    void refusesMalformedText() {
        assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("02:51:00:00:00"));
        assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("02:51:00:00:00:2"));
    }

    @Test
    void mapsVrrpGroupsToMulticastMacs() throws Exception {
        assertEquals("01:00:5e:00:00:12", MacAddress.ipv4Multicast((Inet4Address) InetAddress.getByName("224.0.0.18")).toString());
        assertEquals("01:00:5e:7f:00:01",
                MacAddress.ipv4Multicast((Inet4Address) InetAddress.getByName("239.255.0.1")).toString());
        assertEquals("33:33:00:00:00:12", MacAddress.ipv6Multicast((Inet6Address) InetAddress.getByName("ff02::12")).toString());
    }
}
