package org.lvsd.netlink.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Bytes;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlMessage;

class RouteCodecTest {

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private static NlMessage msg(String hex) {
        return NlMessage.decodeAll(Netlink.wrap(Bytes.hex(hex))).get(0);
    }

    @Test
    void addRouteViaGatewayIsGolden() throws Exception {
        Route r = Route.via(ip("198.51.100.128"), 25, ip("198.51.100.1"));
        assertArrayEquals(Bytes.hex("34000000 1800 0006 01000000 00000000"   // RTM_NEWROUTE, CREATE|EXCL
                + "02 19 00 00 fe 03 00 01 00000000"                          // inet /25 main boot universe unicast
                + "0800 0f00 fe000000"                                        // RTA_TABLE 254
                + "0800 0100 c6336480"                                        // RTA_DST
                + "0800 0500 c6336401"),                                      // RTA_GATEWAY
                RouteCodec.add(r).encode(1, 0));
        assertEquals("add route 198.51.100.128/25 via 198.51.100.1 table 254", RouteCodec.add(r).description());
    }

    @Test
    void deleteMatchesAnyProtocolAndScope() throws Exception {
        Route r = Route.via(ip("198.51.100.128"), 25, ip("198.51.100.1"));
        assertArrayEquals(Bytes.hex("34000000 1900 0000 01000000 00000000"   // RTM_DELROUTE
                + "02 19 00 00 fe 00 ff 01 00000000"                          // RTPROT_UNSPEC, RT_SCOPE_NOWHERE
                + "0800 0f00 fe000000 0800 0100 c6336480 0800 0500 c6336401"),
                RouteCodec.delete(r).encode(1, 0));
    }

    @Test
    void blackholeInTableAbove255UsesRtaTableOnly() throws Exception {
        Route r = Route.reject(RouteType.BLACKHOLE, ip("198.51.100.64"), 26).withTable(1000);
        assertArrayEquals(Bytes.hex("2c000000 1800 0006 01000000 00000000"
                + "02 1a 00 00 00 03 00 06 00000000"                          // rtm_table UNSPEC, RTN_BLACKHOLE
                + "0800 0f00 e8030000"                                        // RTA_TABLE 1000
                + "0800 0100 c6336440"),
                RouteCodec.add(r).encode(1, 0));
    }

    @Test
    void directIpv6RouteWithOifPrefsrcAndMetricIsGolden() throws Exception {
        Route r = Route.direct(ip("2001:db8:1::"), 48, 3).withPrefSrc(ip("2001:db8::1")).withPriority(100)
                .withProtocol(Route.PROTO_KEEPALIVED);
        assertArrayEquals(Bytes.hex("5c000000 1800 0006 01000000 00000000"
                + "0a 30 00 00 fe 12 fd 01 00000000"                          // inet6 /48 main keepalived link
                + "0800 0f00 fe000000"
                + "1400 0100 20010db8000100000000000000000000"                // RTA_DST
                + "0800 0400 03000000"                                        // RTA_OIF
                + "1400 0700 20010db8000000000000000000000001"                // RTA_PREFSRC
                + "0800 0600 64000000"),                                      // RTA_PRIORITY
                RouteCodec.add(r).encode(1, 0));
    }

    @Test
    void dumpRequestCarriesOnlyFamily() {
        assertArrayEquals(Bytes.hex("1c000000 1a00 0000 01000000 00000000 0a000000 00000000 00000000"),
                RouteCodec.dump(Family.INET6).encode(1, 0));
    }

    @Test
    void decodesKernelRouteReply() throws Exception {
        Route r = RouteCodec.decode(msg("3c000000 1800 0200 01000000 34120000"
                + "02 19 00 00 fe 03 00 01 00000000"
                + "0800 0f00 fe000000"
                + "0800 0100 c6336480"
                + "0800 0500 c6336401"
                + "0800 0400 02000000"));
        assertEquals(new Route(ip("198.51.100.128"), 25, RouteType.UNICAST, Route.TABLE_MAIN, Route.PROTO_BOOT,
                Scope.UNIVERSE, Optional.of(ip("198.51.100.1")), OptionalInt.of(2), Optional.empty(),
                OptionalInt.empty()), r);
    }

    @Test
    void decodesDefaultRouteWithoutDstAndTableFromHeader() throws Exception {
        Route r = RouteCodec.decode(msg("24000000 1800 0200 01000000 34120000"
                + "02 00 00 00 fe 04 00 07 00000000"
                + "0800 0600 0a000000"));
        assertEquals(ip("0.0.0.0"), r.destination());
        assertEquals(0, r.dstLength());
        assertEquals(254, r.table());
        assertEquals(RouteType.UNREACHABLE, r.type());
        assertEquals(OptionalInt.of(10), r.priority());
    }

    @Test
    void rejectsUnknownRouteType() {
        assertThrows(NetlinkProtocolException.class, () -> RouteCodec.decode(msg("1c000000 1800 0200 01000000 34120000"
                + "02 00 00 00 fe 04 00 0c 00000000")));
    }
}
