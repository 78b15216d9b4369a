package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class ArpProbeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CLIENT = HEX.parseHex("02510000000a");
    private static final byte[] DIR2 = HEX.parseHex("025100000003");

    @Test
    void requestIsABroadcastArpWhoHas() throws Exception {
        byte[] frame = ArpProbe.request(CLIENT, ip("198.51.100.10"), ip("198.51.100.100"));
        assertArrayEquals(HEX.parseHex("ffffffffffff" + "02510000000a" + "0806"
                + "0001" + "0800" + "06" + "04" + "0001"
                + "02510000000a" + "c633640a" + "000000000000" + "c6336464"), frame);
    }

    @Test
    void onlyAReplyFromTheVipAtTheExpectedMacCounts() throws Exception {
        byte[] reply = HEX.parseHex("02510000000a" + "025100000003" + "0806" + "0001" + "0800" + "06" + "04" + "0002"
                + "025100000003" + "c6336464" + "02510000000a" + "c633640a");
        assertTrue(ArpProbe.isReply(reply, ip("198.51.100.100"), DIR2));
        assertFalse(ArpProbe.isReply(reply, ip("198.51.100.100"), CLIENT));
        assertFalse(ArpProbe.isReply(reply, ip("198.51.100.101"), DIR2));
        byte[] request = reply.clone();
        request[21] = 1;
        assertFalse(ArpProbe.isReply(request, ip("198.51.100.100"), DIR2));
    }

    private static Inet4Address ip(String s) throws Exception {
        return (Inet4Address) InetAddress.getByName(s);
    }
}
