package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpAddressesTest {

    private static String roundTrip(String text) {
        return IpAddresses.parse(text).map(IpAddresses::format).orElse("invalid");
    }

    @Test
    void parsesLiteralsOnlyAndNeverNames() {
        assertEquals("192.168.1.10", roundTrip("192.168.1.10"));
        assertEquals("invalid", roundTrip("192.168.1.300"));
        assertEquals("invalid", roundTrip("192.168.1"));
        assertEquals("invalid", roundTrip("localhost"));
        assertEquals("invalid", roundTrip("2001:db8::g"));
    }

    @Test
    void formatsIpv6CompressedLowerCase() {
        assertEquals("2001:db8::1", roundTrip("2001:0DB8:0:0:0:0:0:1"));
        assertEquals("ff02::12", roundTrip("ff02::12"));
        assertEquals("::", roundTrip("::"));
        assertEquals("2001:db8:0:1::1", roundTrip("2001:db8:0:1:0:0:0:1"));
        assertEquals("1:0:2::", roundTrip("1:0:2:0:0:0:0:0"));
    }

    @Test
    void prefixDefaultsToFullLengthAndChecksTheBound() {
        assertEquals("10.0.0.1/32", IpPrefix.parse("10.0.0.1").orElseThrow().toString());
        assertEquals("2001:db8::5/64", IpPrefix.parse("2001:db8::5/64").orElseThrow().toString());
        assertEquals("2001:db8::5/128", IpPrefix.parse("2001:db8::5").orElseThrow().toString());
        assertEquals(Optional.empty(), IpPrefix.parse("10.0.0.1/33"));
        assertEquals(Optional.empty(), IpPrefix.parse("10.0.0.1/"));
    }
}
