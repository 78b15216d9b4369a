package org.lvsd.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressTextTest {

    private static String roundTrip(String text) {
        return AddressText.format(AddressText.parse(text).orElseThrow());
    }

    @Test
    void ipv6IsPrintedLikeGlibcInetNtop() {
        assertEquals("2001:db8::1", roundTrip("2001:0db8:0000:0000:0000:0000:0000:0001"));
        assertEquals("2001:db8:0:1::1", roundTrip("2001:db8:0:1:0:0:0:1"));
        assertEquals("2001:db8::1:0:0:1", roundTrip("2001:db8:0:0:1:0:0:1"));
        assertEquals("::", roundTrip("0:0:0:0:0:0:0:0"));
        assertEquals("::1", roundTrip("::1"));
        assertEquals("fe80::", roundTrip("fe80:0:0:0:0:0:0:0"));
        assertEquals("::ffff:198.51.100.1", roundTrip("::ffff:198.51.100.1"));
        assertEquals("::198.51.100.1", roundTrip("::198.51.100.1"));
        assertEquals("1:0:2:0:3:0:4:0", roundTrip("1:0:2:0:3:0:4:0"));
    }

    @Test
    void portsAreAppendedWithBracketsForIpv6() {
        assertEquals("198.51.100.1:80", AddressText.withPort(AddressText.parse("198.51.100.1").orElseThrow(), 80));
        assertEquals("[2001:db8::1]:443", AddressText.withPort(AddressText.parse("2001:db8::1").orElseThrow(), 443));
    }

    @Test
    void namesAndMalformedLiteralsAreRejectedWithoutLookup() {
        assertEquals(Optional.empty(), AddressText.parse("localhost"));
        assertEquals(Optional.empty(), AddressText.parse("198.51.100.256"));
        assertEquals(Optional.empty(), AddressText.parse("198.51.100"));
        assertEquals(Optional.empty(), AddressText.parse("2001:db8::g"));
    }
}
