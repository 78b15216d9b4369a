package org.lvsd.vrrp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-derived packets: each checksum is worked out in the comment next to it. */
class VrrpCodecGoldenTest {

    static final InetAddress SRC4 = ip("198.51.100.2");
    static final InetAddress GROUP4 = ip("224.0.0.18");
    static final InetAddress SRC6 = ip("fe80::1");
    static final InetAddress GROUP6 = ip("ff02::12");
    static final IpContext IPV4 = new IpContext(SRC4, GROUP4, 255);
    static final IpContext IPV6 = new IpContext(SRC6, GROUP6, 255);

    /*
     * v2, vrid 1, prio 100, 1 address, auth PASS, interval 1 s, 198.51.100.100, "secret".
     * Words: 2101 6401 0101 [0000] c633 6464 7365 6372 6574 0000
     * sum = 0x2ECE5 -> fold 0xECE5 + 0x2 = 0xECE7 -> complement 0x1318.
     */
    static final byte[] V2_PASS = HexFormat.of().parseHex("2101640101011318c6336464" + "7365637265740000");

    /*
     * v3 IPv4, vrid 7, prio 200, 1 address, 100 cs, 198.51.100.100.
     * Pseudo-header c633 6402 e000 0012 0070 000c, message 3107 c801 0064 [0000] c633 6464
     * folded sum 0x2ECA -> complement 0xD135.
     */
    static final byte[] V3_IPV4 = HexFormat.of().parseHex("3107c8010064d135c6336464");

    /* Same message without the pseudo-header (v3_checksum_as_v2): folded sum 0x2405 -> 0xDBFA. */
    static final byte[] V3_IPV4_AS_V2 = HexFormat.of().parseHex("3107c8010064dbfac6336464");

    /*
     * v3 IPv6 fe80::1 -> ff02::12, vrid 9, prio 100, 1 address, 100 cs, 2001:db8::100.
     * Pseudo-header: src, dst, length 0x00000018, 0x00000070; folded sum 0xC246 -> 0x3DB9.
     */
    static final byte[] V3_IPV6 = HexFormat.of()
            .parseHex("3109640100643db9" + "20010db8000000000000000000000100");

    @Test
    void encodesV2WithSimplePasswordToGoldenBytes() {
        VrrpAdvert advert = VrrpAdvert.v2(1, 100, 1, List.of(ip("198.51.100.100")), AuthType.PASS,
                "secret\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(V2_PASS, VrrpCodec.encode(advert, IPV4, false));
    }

    @Test
    void decodesV2WithSimplePassword() throws Exception {
        VrrpAdvert advert = VrrpCodec.decode(ByteBuffer.wrap(V2_PASS), IPV4, false);
        assertEquals(new VrrpAdvert(VrrpVersion.V2, 1, 100, 1, 0x1318, AddressFamily.INET,
                List.of(ip("198.51.100.100")), AuthType.PASS, "secret\0\0".getBytes()), advert);
        assertEquals(java.time.Duration.ofSeconds(1), advert.advertIntervalDuration());
    }

    @Test
    void encodesV3Ipv4WithPseudoHeaderChecksum() {
        VrrpAdvert advert = VrrpAdvert.v3(AddressFamily.INET, 7, 200, 100, List.of(ip("198.51.100.100")));
        assertArrayEquals(V3_IPV4, VrrpCodec.encode(advert, IPV4, false));
    }

    @Test
    void encodesV3Ipv4WithoutPseudoHeaderWhenChecksumAsV2() {
        VrrpAdvert advert = VrrpAdvert.v3(AddressFamily.INET, 7, 200, 100, List.of(ip("198.51.100.100")));
        assertArrayEquals(V3_IPV4_AS_V2, VrrpCodec.encode(advert, IPV4, true));
    }

    @Test
    void decodesV3Ipv4() throws Exception {
        VrrpAdvert advert = VrrpCodec.decode(ByteBuffer.wrap(V3_IPV4), IPV4, false);
        assertEquals(new VrrpAdvert(VrrpVersion.V3, 7, 200, 100, 0xd135, AddressFamily.INET,
                List.of(ip("198.51.100.100")), AuthType.NONE, new byte[0]), advert);
        assertEquals(java.time.Duration.ofMillis(1000), advert.advertIntervalDuration());
    }

    @Test
    void checksumModeMustMatchThePeer() {
        VrrpProtocolException e = org.junit.jupiter.api.Assertions.assertThrows(VrrpProtocolException.class,
                () -> VrrpCodec.decode(ByteBuffer.wrap(V3_IPV4_AS_V2), IPV4, false));
        assertEquals(RejectReason.BAD_CHECKSUM, e.reason());
    }

    @Test
    void encodesAndDecodesV3Ipv6() throws Exception {
        VrrpAdvert advert = VrrpAdvert.v3(AddressFamily.INET6, 9, 100, 100, List.of(ip("2001:db8::100")));
        assertArrayEquals(V3_IPV6, VrrpCodec.encode(advert, IPV6, false));
        assertEquals(advert.withChecksum(0x3db9), VrrpCodec.decode(ByteBuffer.wrap(V3_IPV6), IPV6, false));
    }

    @Test
    void encodesTwelveBitV3IntervalAcrossBothBytes() {
        VrrpAdvert advert = VrrpAdvert.v3(AddressFamily.INET, 7, 200, 4095, List.of());
        byte[] bytes = VrrpCodec.encode(advert, IPV4, false);
        assertEquals("31" + "07" + "c8" + "00" + "0fff", HexFormat.of().formatHex(bytes, 0, 6));
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
