package org.lvsd.vrrp.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.codec.IpContext;

class VrrpFrameParserTest {

    static final byte[] V4_FRAME = CapturedFrames.hex("v2-pass-ipv4-frames", "advert");
    static final byte[] V6_FRAME = CapturedFrames.hex("v3-ipv6-frames", "advert");

    @Test
    void extractsIpv4AdvertAndCutsEthernetPadding() throws Exception {
        byte[] padded = Arrays.copyOf(V4_FRAME, 80);
        ReceivedVrrp r = VrrpFrameParser.parse(padded).orElseThrow();
        assertEquals(MacAddress.parse("02:51:00:00:00:02"), r.sourceMac());
        assertEquals(new IpContext(InetAddress.getByName("198.51.100.2"), InetAddress.getByName("224.0.0.18"), 255), r.ip());
        assertArrayEquals(CapturedFrames.hex("v2-pass-ipv4-advert", "vrrp"), r.vrrp());
    }

    @Test
    void extractsIpv6Advert() throws Exception {
        ReceivedVrrp r = VrrpFrameParser.parse(V6_FRAME).orElseThrow();
        assertEquals(new IpContext(InetAddress.getByName("fe80::51:ff:fe00:2"), InetAddress.getByName("ff02::12"), 255),
                r.ip());
        assertArrayEquals(CapturedFrames.hex("v3-ipv6-advert", "vrrp"), r.vrrp());
    }

    @Test
    void toleratesOneVlanTag() {
        byte[] tagged = new byte[V4_FRAME.length + 4];
        System.arraycopy(V4_FRAME, 0, tagged, 0, 12);
        tagged[12] = (byte) 0x81;
        tagged[14] = 0x00;
        tagged[15] = 0x07;
        System.arraycopy(V4_FRAME, 12, tagged, 16, V4_FRAME.length - 12);
        assertArrayEquals(CapturedFrames.hex("v2-pass-ipv4-advert", "vrrp"), VrrpFrameParser.parse(tagged).orElseThrow().vrrp());
    }

    @Test
    void ignoresArpFragmentsBadHeaderChecksumAndShortFrames() {
        assertEquals(Optional.empty(), VrrpFrameParser.parse(CapturedFrames.hex("v2-pass-ipv4-frames", "garp")));
        byte[] fragment = V4_FRAME.clone();
        fragment[14 + 6] = 0x20; // More Fragments
        assertEquals(Optional.empty(), VrrpFrameParser.parse(fragment));
        byte[] badSum = V4_FRAME.clone();
        badSum[14 + 10] ^= 1;
        assertEquals(Optional.empty(), VrrpFrameParser.parse(badSum));
        assertEquals(Optional.empty(), VrrpFrameParser.parse(Arrays.copyOf(V4_FRAME, 40)));
        assertEquals(Optional.empty(), VrrpFrameParser.parse(Arrays.copyOf(V6_FRAME, 70)));
        assertEquals(Optional.empty(), VrrpFrameParser.parse(HexFormat.of().parseHex("0102")));
    }

    @Test
    void keepsIpv4MappedIpv6SourcesInTheIpv6Family() {
        byte[] mapped = V6_FRAME.clone();
        byte[] src = HexFormat.of().parseHex("00000000000000000000ffffc6336402");
        System.arraycopy(src, 0, mapped, 14 + 8, 16);
        assertEquals(org.lvsd.vrrp.codec.AddressFamily.INET6, VrrpFrameParser.parse(mapped).orElseThrow().ip().family());
    }
}
