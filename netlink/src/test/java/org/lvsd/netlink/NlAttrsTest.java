package org.lvsd.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NlAttrsTest {

    @Test
    void decodesTypedValues() throws Exception {
        NlAttrs a = NlAttrs.decode(Netlink.wrap(Bytes.hex("0500 0100 fe000000"
                + "0600 0200 3412 0000"
                + "0800 0300 04030201"
                + "0c00 0400 0807060504030201"
                + "0600 0500 0050 0000"
                + "0800 0600 c6336464"
                + "0900 0700 49505653 00 000000"
                + "1400 0800 20010db8000000000000000000000001")));
        assertEquals(0xfe, a.get(1).u8());
        assertEquals(0x1234, a.get(2).u16());
        assertEquals(0x01020304, a.get(3).u32());
        assertEquals(0x0102030405060708L, a.get(4).u64());
        assertEquals(80, a.get(5).be16());
        assertEquals(0xc6336464, a.get(6).be32());
        assertEquals(InetAddress.getByName("198.51.100.100"), a.get(6).inetAddress());
        assertEquals("IPVS", a.get(7).string());
        assertEquals(InetAddress.getByName("2001:db8::1"), a.get(8).inetAddress());
    }

    @Test
    void decodesNestedAndStripsFlagBits() {
        NlAttrs a = NlAttrs.decode(Netlink.wrap(Bytes.hex("1000 0180  0800 0200 07000000  0400 0300")));
        NlAttr outer = a.get(1);
        assertTrue(outer.nested());
        NlAttrs inner = outer.nestedAttrs();
        assertEquals(7, inner.get(2).u32());
        assertEquals(0, inner.get(3).value().length);
    }

    @Test
    void acceptsMissingPaddingAfterLastAttribute() {
        NlAttrs a = NlAttrs.decode(Netlink.wrap(Bytes.hex("0500 0100 2a")));
        assertEquals(42, a.get(1).u8());
    }

    @Test
    void keepsRepeatedAttributesInOrder() {
        NlAttrs a = NlAttrs.decode(Netlink.wrap(Bytes.hex("0800 0100 01000000 0800 0200 02000000 0800 0100 03000000")));
        assertEquals(List.of(1, 3), a.all(1).stream().map(NlAttr::u32).toList());
        assertEquals(1, a.get(1).u32());
        assertEquals(Optional.empty(), a.find(9));
        assertFalse(a.has(9));
    }

    @Test
    void rejectsAttributeLongerThanBuffer() {
        assertThrows(NetlinkProtocolException.class, () -> NlAttrs.decode(Netlink.wrap(Bytes.hex("0c00 0100 01000000"))));
    }

    @Test
    void rejectsLengthBelowHeader() {
        assertThrows(NetlinkProtocolException.class, () -> NlAttrs.decode(Netlink.wrap(Bytes.hex("0200 0100"))));
    }

    @Test
    void rejectsShortValueForAccessor() {
        NlAttrs a = NlAttrs.decode(Netlink.wrap(Bytes.hex("0600 0100 0102 0000")));
        assertThrows(NetlinkProtocolException.class, () -> a.get(1).u32());
        assertThrows(NetlinkProtocolException.class, () -> a.get(1).inetAddress());
        assertThrows(NetlinkProtocolException.class, () -> a.get(2));
    }

    @Test
    void stringStopsAtFirstNul() {
        NlAttrs a = NlAttrs.decode(Netlink.wrap(Bytes.hex("0800 0300 6100 6200")));
        assertEquals("a", a.get(3).string());
    }
}
