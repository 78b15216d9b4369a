package org.lvsd.vrrp.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Advert frames against keepalived 2.2.7 captures (resources/captured). */
class AdvertFramesTest {

    static final MacAddress MAC = MacAddress.parse("02:51:00:00:00:02");

    @Test
    void ipv4MulticastAdvertMatchesKeepalived() throws Exception {
        byte[] vrrp = CapturedFrames.hex("v2-pass-ipv4-advert", "vrrp");
        byte[] frame = AdvertFrames.ipv4Multicast(MAC, (Inet4Address) InetAddress.getByName("198.51.100.2"),
                AdvertFrames.GROUP_V4, 1, vrrp);
        assertArrayEquals(CapturedFrames.hex("v2-pass-ipv4-frames", "advert"), frame);
    }

    @Test
    void ipv4HeaderFieldsAndChecksum() throws Exception {
        byte[] frame = AdvertFrames.ipv4Multicast(MAC, (Inet4Address) InetAddress.getByName("198.51.100.2"),
                AdvertFrames.GROUP_V4, 0x1234, new byte[] {1, 2, 3, 4});
        // 4500-style header: 45 c0 0018 1234 0000 ff 70 [csum] c6336402 e0000012.
        // Sum 45c0+0018+1234+0000+ff70+c633+6402+e000+0012 = 0x361c3 -> fold 0x61c6 -> 0x9e39.
        assertEquals("01005e000012" + "025100000002" + "0800"
                + "45c0" + "0018" + "1234" + "0000" + "ff70" + "9e39" + "c6336402" + "e0000012" + "01020304",
                HexFormat.of().formatHex(frame));
    }

    @Test
    void mcastDstIpGoesToItsGroupAndItsMac() throws Exception {
        byte[] frame = AdvertFrames.ipv4Multicast(MAC, (Inet4Address) InetAddress.getByName("198.51.100.2"),
                (Inet4Address) InetAddress.getByName("224.0.0.19"), 0x1234, new byte[] {1, 2, 3, 4});
        // One more in the destination's last word: checksum 0x9e39 - 1.
        assertEquals("01005e000013" + "025100000002" + "0800"
                + "45c0" + "0018" + "1234" + "0000" + "ff70" + "9e38" + "c6336402" + "e0000013" + "01020304",
                HexFormat.of().formatHex(frame));
        byte[] v6 = AdvertFrames.ipv6Multicast(MAC, (Inet6Address) InetAddress.getByName("fe80::51:ff:fe00:2"),
                (Inet6Address) InetAddress.getByName("ff02::1:12"), new byte[] {1, 2, 3, 4});
        assertEquals("333300010012", HexFormat.of().formatHex(v6, 0, 6));
        assertEquals("ff020000000000000000000000010012", HexFormat.of().formatHex(v6, 14 + 24, 14 + 40));
    }

    @Test
    void ipv6MulticastAdvertMatchesKeepalivedExceptTheKernelFlowLabel() throws Exception {
        byte[] vrrp = CapturedFrames.hex("v3-ipv6-advert", "vrrp");
        byte[] frame = AdvertFrames.ipv6Multicast(MAC, (Inet6Address) InetAddress.getByName("fe80::51:ff:fe00:2"),
                AdvertFrames.GROUP_V6, vrrp);
        byte[] expected = CapturedFrames.hex("v3-ipv6-frames", "advert");
        // The version/traffic class/flow label word is 6 c0 89426: keep 6c0, clear the flow label.
        expected[15] &= (byte) 0xf0;
        expected[16] = 0;
        expected[17] = 0;
        assertArrayEquals(expected, frame);
    }
}
