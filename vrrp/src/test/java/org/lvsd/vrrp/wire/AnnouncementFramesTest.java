package org.lvsd.vrrp.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.codec.InternetChecksum;

/** GARP and unsolicited NA, checked against frames captured from keepalived 2.2.7. */
class AnnouncementFramesTest {

    static final MacAddress MAC = MacAddress.parse("02:51:00:00:00:02");

    @Test
    void gratuitousArpMatchesKeepalived() throws Exception {
        byte[] frame = GratuitousArp.frame(MAC, (Inet4Address) InetAddress.getByName("198.51.100.100"));
        assertArrayEquals(CapturedFrames.hex("v2-pass-ipv4-frames", "garp"), frame);
    }

    @Test
    void gratuitousArpLayout() throws Exception {
        byte[] frame = GratuitousArp.frame(MacAddress.parse("02:00:00:00:00:01"),
                (Inet4Address) InetAddress.getByName("198.51.100.7"));
        assertEquals("ffffffffffff" + "020000000001" + "0806"
                + "0001" + "0800" + "06" + "04" + "0001"
                + "020000000001" + "c6336407" + "ffffffffffff" + "c6336407", HexFormat.of().formatHex(frame));
    }

    @Test
    void unsolicitedNeighborAdvertMatchesKeepalived() throws Exception {
        byte[] frame = UnsolicitedNeighborAdvert.frame(MAC, (Inet6Address) InetAddress.getByName("2001:db8::100"), false);
        assertArrayEquals(CapturedFrames.hex("v3-ipv6-frames", "na"), frame);
    }

    @Test
    void routerFlagIsSetOnRequestWithAValidChecksum() throws Exception {
        Inet6Address vip = (Inet6Address) InetAddress.getByName("2001:db8::100");
        byte[] frame = UnsolicitedNeighborAdvert.frame(MAC, vip, true);
        int icmp = 14 + 40;
        assertEquals((byte) 0xa0, frame[icmp + 4]);
        // RFC 4443 §2.3: the sum over pseudo-header and message, checksum included, is zero.
        int verify = new InternetChecksum().add(vip.getAddress())
                .add(InetAddress.getByName("ff02::1").getAddress())
                .add(new byte[] {0, 0, 0, 32, 0, 0, 0, 58})
                .add(frame, icmp, 32).value();
        assertEquals(0, verify);
    }
}
