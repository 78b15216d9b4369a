package org.lvsd.vrrp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lvsd.vrrp.codec.VrrpCodecGoldenTest.ip;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VrrpAdvertInvariantsTest {

    @Test
    void v3CarriesNoAuthentication() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VrrpAdvert(
                VrrpVersion.V3, 1, 100, 100, 0, AddressFamily.INET, List.of(), AuthType.PASS, new byte[8]));
        assertEquals("VRRPv3 carries no authentication (RFC 5798 §9)", e.getMessage());
    }

    @Test
    void v2IsIpv4OnlyAndNeedsEightAuthBytes() {
        assertThrows(IllegalArgumentException.class, () -> new VrrpAdvert(
                VrrpVersion.V2, 1, 100, 1, 0, AddressFamily.INET6, List.of(), AuthType.NONE, new byte[8]));
        assertThrows(IllegalArgumentException.class,
                () -> VrrpAdvert.v2(1, 100, 1, List.of(), AuthType.NONE, new byte[7]));
    }

    @Test
    void fieldRangesFollowTheWidthsOnTheWire() {
        assertThrows(IllegalArgumentException.class,
                () -> VrrpAdvert.v3(AddressFamily.INET, 1, 256, 100, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> VrrpAdvert.v3(AddressFamily.INET, 1, 100, 4096, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> VrrpAdvert.v2(1, 100, 256, List.of(), AuthType.NONE, new byte[8]));
    }

    @Test
    void addressesMustMatchTheFamilyAndFitTheCountField() {
        assertThrows(IllegalArgumentException.class,
                () -> VrrpAdvert.v3(AddressFamily.INET, 1, 100, 100, List.of(ip("2001:db8::1"))));
        List<InetAddress> many = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            many.add(ip("198.51.100." + (i % 256)));
        }
        assertThrows(IllegalArgumentException.class, () -> VrrpAdvert.v3(AddressFamily.INET, 1, 100, 100, many));
    }

    @Test
    void authDataIsCopiedInAndOutAndHiddenFromToString() {
        byte[] secret = "secret\0\0".getBytes();
        VrrpAdvert a = VrrpAdvert.v2(1, 100, 1, List.of(), AuthType.PASS, secret);
        secret[0] = 'X';
        a.authData()[1] = 'Y';
        assertEquals("secret\0\0", new String(a.authData()));
        assertEquals("VrrpAdvert[V2 vrid=1 prio=100 int=1 csum=0x0 [] auth=PASS]", a.toString());
    }

    @Test
    void ipContextNeedsOneFamilyAndAByteTtl() {
        assertThrows(IllegalArgumentException.class, () -> new IpContext(ip("198.51.100.2"), ip("ff02::12"), 255));
        assertThrows(IllegalArgumentException.class, () -> new IpContext(ip("198.51.100.2"), ip("224.0.0.18"), 256));
    }
}
