package org.lvsd.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AttrWriterTest {

    @Test
    void padsU8AndU16ToFourBytes() {
        byte[] b = new AttrWriter().u8(1, 0xfe).u16(2, 0x1234).toBytes();
        assertArrayEquals(Bytes.hex("0500 0100 fe000000 0600 0200 3412 0000"), b);
    }

    @Test
    void writesU32U64InHostOrderAndBe16Be32InNetworkOrder() {
        byte[] b = new AttrWriter().u32(3, 0x01020304).u64(4, 0x0102030405060708L)
                .be16(5, 80).be32(6, 0xc0000201).toBytes();
        assertArrayEquals(Bytes.hex("0800 0300 04030201"
                + "0c00 0400 0807060504030201"
                + "0600 0500 0050 0000"
                + "0800 0600 c0000201"), b);
    }

    @Test
    void terminatesStringsWithNulAndPads() {
        assertArrayEquals(Bytes.hex("0900 0200 49505653 00 000000"), new AttrWriter().string(2, "IPVS").toBytes());
        assertArrayEquals(Bytes.hex("0800 0300 6c6f3a00"), new AttrWriter().string(3, "lo:").toBytes());
    }

    @Test
    void writesNestedAttributesWithFlagAndTotalLength() {
        byte[] b = new AttrWriter().beginNested(1).u32(2, 7).beginNested(3).u8(4, 1).endNested().endNested().toBytes();
        assertArrayEquals(Bytes.hex("1800 0180  0800 0200 07000000  0c00 0380  0500 0400 01000000"), b);
    }

    @Test
    void writesAddressesAsRawBytes() throws Exception {
        byte[] b = new AttrWriter().address(1, InetAddress.getByName("198.51.100.100")).toBytes();
        assertArrayEquals(Bytes.hex("0800 0100 c6336464"), b);
    }

    @Test
    void headerIsPaddedBeforeAttributes() {
        byte[] b = new AttrWriter().header(new byte[] {1, 2, 3, 4, 5}).u8(1, 9).toBytes();
        assertArrayEquals(Bytes.hex("0102030405000000 0500 0100 09000000"), b);
    }

    @Test
    void refusesUnclosedNest() {
        AttrWriter w = new AttrWriter().beginNested(1);
        assertThrows(IllegalStateException.class, w::toBytes);
    }

    @Test
    void refusesEndWithoutBegin() {
        assertThrows(IllegalStateException.class, () -> new AttrWriter().endNested());
    }

    @Test
    void growsPastInitialCapacity() {
        AttrWriter w = new AttrWriter();
        for (int i = 0; i < 200; i++) {
            w.u32(1, i);
        }
        byte[] b = w.toBytes();
        assertArrayEquals(Bytes.hex("0800 0100 c7000000"), java.util.Arrays.copyOfRange(b, 199 * 8, 200 * 8));
    }
}
