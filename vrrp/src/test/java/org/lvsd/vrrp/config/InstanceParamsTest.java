package org.lvsd.vrrp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.codec.IpContext;
import org.lvsd.vrrp.codec.VrrpCodec;
import org.lvsd.vrrp.codec.VrrpVersion;

class InstanceParamsTest {

    static final InetAddress PRIMARY = ip("198.51.100.2");

    @Test
    void wireIntervalIsSecondsForV2AndCentisecondsForV3() {
        assertEquals(3, InstanceParams.builder("a", 1, PRIMARY).advertInterval(Duration.ofSeconds(3))
                .build().advertIntervalWire());
        assertEquals(35, InstanceParams.builder("a", 1, PRIMARY).version(VrrpVersion.V3)
                .advertInterval(Duration.ofMillis(350)).build().advertIntervalWire());
    }

    @Test
    void refusesFractionalV2Interval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstanceParams.builder("a", 1, PRIMARY).advertInterval(Duration.ofMillis(1500)).build());
        assertEquals("v2 advert_int must be whole seconds 1..255: PT1.5S", e.getMessage());
    }

    @Test
    void refusesV3IntervalOffTheCentisecondGrid() {
        assertThrows(IllegalArgumentException.class, () -> InstanceParams.builder("a", 1, PRIMARY)
                .version(VrrpVersion.V3).advertInterval(Duration.ofMillis(15)).build());
    }

    @Test
    void refusesNopreemptOwner() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstanceParams.builder("a", 1, PRIMARY).priority(255).preempt(false).build());
        assertEquals("nopreempt is incompatible with priority 255", e.getMessage());
    }

    @Test
    void refusesVersionTwoOverIpv6AndAuthWithV3() {
        assertThrows(IllegalArgumentException.class, () -> InstanceParams.builder("a", 1, ip("fe80::1")).build());
        assertThrows(IllegalArgumentException.class, () -> InstanceParams.builder("a", 1, PRIMARY)
                .version(VrrpVersion.V3).auth(Authentication.pass("secret")).build());
    }

    @Test
    void refusesVipOfTheOtherFamily() {
        assertThrows(IllegalArgumentException.class,
                () -> InstanceParams.builder("a", 1, PRIMARY).vips(List.of(ip("2001:db8::1"))).build());
    }

    @Test
    void passwordIsCutOrPaddedToEightBytesAndHidden() {
        assertEquals("lvsd1234", new String(Authentication.pass("lvsd12345678").data()));
        assertEquals("ab\0\0\0\0\0\0", new String(Authentication.pass("ab").data()));
        assertEquals("Authentication[PASS]", Authentication.pass("secret").toString());
    }

    @Test
    void advertOfKeepalivedEquivalentParamsEncodesToTheCapturedBytes() {
        InstanceParams p = InstanceParams.builder("VI_CAP", 51, PRIMARY).priority(150)
                .auth(Authentication.pass("lvsd1234"))
                .vips(List.of(ip("198.51.100.100"), ip("198.51.100.101"))).build();
        IpContext ip = new IpContext(PRIMARY, ip("224.0.0.18"), 255);
        // resources/captured/v2-pass-ipv4-advert.txt
        assertEquals("213396020101ae56c6336464c63364656c76736431323334",
                HexFormat.of().formatHex(VrrpCodec.encode(p.advert(150), ip, false)));
    }

    @Test
    void v3AdvertCarriesCentiseconds() {
        InstanceParams p = InstanceParams.builder("VI_CAP", 52, PRIMARY).priority(200).version(VrrpVersion.V3)
                .advertInterval(Duration.ofMillis(500)).vips(List.of(ip("198.51.100.100"))).build();
        IpContext ip = new IpContext(PRIMARY, ip("224.0.0.18"), 255);
        // resources/captured/v3-ipv4-priority0.txt
        assertEquals("313400010032993bc6336464", HexFormat.of().formatHex(VrrpCodec.encode(p.advert(0), ip, false)));
    }

    @Test
    void initialStateDefaultsToMasterForTheOwnerOnlyAndMulticastGroupToTheRfcOne() {
        assertTrue(InstanceParams.builder("a", 1, PRIMARY).priority(255).build().masterAtStart());
        assertFalse(InstanceParams.builder("a", 1, PRIMARY).priority(255).initialMaster(false).build().masterAtStart());
        assertFalse(InstanceParams.builder("a", 1, PRIMARY).priority(254).initialMaster(true).build().masterAtStart());
        assertEquals(ip("224.0.0.18"), InstanceParams.builder("a", 1, PRIMARY).build().multicastGroup());
        assertEquals(ip("ff02::12"), InstanceParams.builder("a", 1, ip("fe80::1")).version(VrrpVersion.V3).build()
                .multicastGroup());
    }

    @Test
    void refusesAMulticastGroupOfTheWrongFamilyOrNotMulticast() {
        assertThrows(IllegalArgumentException.class, () -> InstanceParams.builder("a", 1, PRIMARY)
                .multicastGroup(ip("ff02::12")).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InstanceParams
                .builder("a", 1, PRIMARY).multicastGroup(ip("198.51.100.9")).build());
        assertEquals("mcast_dst_ip 198.51.100.9 is not a INET multicast group", e.getMessage());
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
