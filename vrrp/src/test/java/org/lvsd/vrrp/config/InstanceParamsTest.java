package org.lvsd.vrrp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
