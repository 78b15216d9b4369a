package org.lvsd.vrrp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lvsd.vrrp.codec.VrrpCodecGoldenTest.IPV4;
import static org.lvsd.vrrp.codec.VrrpCodecGoldenTest.IPV6;
import static org.lvsd.vrrp.codec.VrrpCodecGoldenTest.V2_PASS;
import static org.lvsd.vrrp.codec.VrrpCodecGoldenTest.V3_IPV4;
import static org.lvsd.vrrp.codec.VrrpCodecGoldenTest.V3_IPV6;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class VrrpCodecRejectTest {

    @Test
    void refusesFewerBytesThanTheHeader() {
        assertReason(RejectReason.TRUNCATED, Arrays.copyOf(V3_IPV4, 7), IPV4);
    }

    @Test
    void refusesMessageCutInsideTheAddressList() {
        assertReason(RejectReason.LENGTH_MISMATCH, Arrays.copyOf(V3_IPV4, 10), IPV4);
    }

    @Test
    void refusesCountThatDisagreesWithLength() {
        byte[] bytes = V3_IPV4.clone();
        bytes[3] = 2;
        assertReason(RejectReason.LENGTH_MISMATCH, bytes, IPV4);
    }

    @Test
    void refusesTrailingBytes() {
        assertReason(RejectReason.LENGTH_MISMATCH, Arrays.copyOf(V2_PASS, V2_PASS.length + 1), IPV4);
    }

    @Test
    void refusesUnknownVersion() {
        byte[] bytes = V3_IPV4.clone();
        bytes[0] = 0x41;
        assertReason(RejectReason.BAD_VERSION, bytes, IPV4);
    }

    @Test
    void refusesVersionTwoOverIpv6() {
        byte[] bytes = V3_IPV6.clone();
        bytes[0] = 0x21;
        assertReason(RejectReason.BAD_VERSION, bytes, IPV6);
    }

    @Test
    void refusesTypeOtherThanAdvertisement() {
        byte[] bytes = V3_IPV4.clone();
        bytes[0] = 0x32;
        assertReason(RejectReason.BAD_TYPE, bytes, IPV4);
    }

    @Test
    void refusesBadChecksum() {
        byte[] bytes = V3_IPV4.clone();
        bytes[7] ^= 1;
        assertReason(RejectReason.BAD_CHECKSUM, bytes, IPV4);
    }

    @Test
    void refusesV3ChecksumComputedForAnotherSource() {
        IpContext other = new IpContext(VrrpCodecGoldenTest.ip("198.51.100.3"), VrrpCodecGoldenTest.GROUP4, 255);
        assertReason(RejectReason.BAD_CHECKSUM, V3_IPV4, other);
    }

    @Test
    void refusesAuthenticationHeaderTypeWithClearReason() {
        byte[] bytes = V2_PASS.clone();
        bytes[4] = 2;
        VrrpProtocolException e = assertThrows(VrrpProtocolException.class,
                () -> VrrpCodec.decode(ByteBuffer.wrap(bytes), IPV4, false));
        assertEquals(RejectReason.AUTH_AH_UNSUPPORTED, e.reason());
        assertEquals("AUTH_AH_UNSUPPORTED: auth type AH (IP Authentication Header) is not supported",
                e.getMessage());
    }

    @Test
    void refusesUnknownAuthType() {
        byte[] bytes = V2_PASS.clone();
        bytes[4] = 3;
        assertReason(RejectReason.BAD_AUTH_TYPE, bytes, IPV4);
    }

    @Test
    void wireEnumsRejectUnknownValues() {
        assertEquals(RejectReason.BAD_VERSION,
                assertThrows(VrrpProtocolException.class, () -> VrrpVersion.valueOf((byte) 4)).reason());
        assertEquals(RejectReason.BAD_TYPE,
                assertThrows(VrrpProtocolException.class, () -> VrrpType.valueOf((byte) 0)).reason());
        assertEquals(RejectReason.BAD_AUTH_TYPE,
                assertThrows(VrrpProtocolException.class, () -> AuthType.valueOf((byte) -1)).reason());
    }

    @Test
    void wireEnumsRoundTrip() throws Exception {
        for (VrrpVersion v : VrrpVersion.values()) {
            assertEquals(v, VrrpVersion.valueOf(v.byteValue()));
        }
        for (AuthType t : AuthType.values()) {
            assertEquals(t, AuthType.valueOf(t.byteValue()));
        }
        assertEquals(VrrpType.ADVERTISEMENT, VrrpType.valueOf((byte) 1));
    }

    @Test
    void decodesIpv4MappedIpv6AddressAsIpv6() throws Exception {
        byte[] unsigned = HexFormat.of().parseHex("31096401006400000000000000000000" + "0000ffffc6336464");
        byte[] bytes = VrrpCodec.encode(VrrpCodec.decode(ByteBuffer.wrap(withChecksum(unsigned)), IPV6, false),
                IPV6, false);
        assertEquals(AddressFamily.INET6,
                AddressFamily.of(VrrpCodec.decode(ByteBuffer.wrap(bytes), IPV6, false).addresses().get(0)));
    }

    private static byte[] withChecksum(byte[] unsigned) {
        InternetChecksum sum = new InternetChecksum().add(IPV6.source().getAddress())
                .add(IPV6.destination().getAddress())
                .add(new byte[] {0, 0, 0, (byte) unsigned.length, 0, 0, 0, 112}).add(unsigned);
        int c = sum.value();
        unsigned[6] = (byte) (c >>> 8);
        unsigned[7] = (byte) c;
        return unsigned;
    }

    private static void assertReason(RejectReason expected, byte[] bytes, IpContext ip) {
        VrrpProtocolException e = assertThrows(VrrpProtocolException.class,
                () -> VrrpCodec.decode(ByteBuffer.wrap(bytes), ip, false));
        assertEquals(expected, e.reason(), e.getMessage());
    }
}
