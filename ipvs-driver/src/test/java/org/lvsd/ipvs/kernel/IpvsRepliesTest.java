package org.lvsd.ipvs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lvsd.ipvs.kernel.Hex.bytes;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.IpvsInfo;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.netlink.NetlinkProtocolException;

/**
 * Replies laid out as ip_vs_genl_fill_service / _fill_dest / _fill_daemon and ip_vs_genl_get_cmd
 * build them: nests without NLA_F_NESTED (nla_nest_start_noflag), 64-bit counters behind
 * IPVS_STATS_ATTR_PAD attributes (nla_put_u64_64bit).
 */
class IpvsRepliesTest {
    static final int FAMILY = 0x22;

    static final String SVC_FWMARK6 = "06 00 01 00 0a 00 00 00 08 00 05 00 2a 00 00 00"
            + " 07 00 06 00 73 68 00 00 08 00 0b 00 73 69 70 00" // sh, pe sip
            + " 0c 00 07 00 0b 00 00 00 ff ff ff ff" // PERSISTENT | HASHED | SCHED1
            + " 08 00 08 00 2c 01 00 00 08 00 09 00 80 00 00 00"; // 300 s, /128
    static final String STATS32 = "64 00 0a 00 08 00 01 00 05 00 00 00 08 00 02 00 07 00 00 00"
            + " 08 00 03 00 00 00 00 00 04 00 0b 00 0c 00 04 00 e8 03 00 00 00 00 00 00"
            + " 04 00 0b 00 0c 00 05 00 00 00 00 00 00 00 00 00 08 00 06 00 01 00 00 00"
            + " 08 00 07 00 02 00 00 00 08 00 08 00 00 00 00 00 08 00 09 00 40 00 00 00 08 00 0a 00 00 00 00 00";
    static final String STATS64 = "80 00 0c 00 04 00 0b 00 0c 00 01 00 05 00 00 00 01 00 00 00"
            + " 0c 00 02 00 07 00 00 00 00 00 00 00 0c 00 03 00 00 00 00 00 00 00 00 00"
            + " 0c 00 04 00 e8 03 00 00 00 00 00 00 0c 00 05 00 00 00 00 00 00 00 00 00"
            + " 0c 00 06 00 01 00 00 00 00 00 00 00 0c 00 07 00 02 00 00 00 00 00 00 00"
            + " 0c 00 08 00 00 00 00 00 00 00 00 00 0c 00 09 00 40 00 00 00 00 00 00 00"
            + " 0c 00 0a 00 00 00 00 00 00 00 00 00";

    static VirtualService fwmark6() {
        return new VirtualService(ServiceKey.fwmark(42, AddressFamily.INET6), "sh",
                Set.of(ServiceFlag.PERSISTENT, ServiceFlag.SCHED1), 300, 128, "sip");
    }

    @Test
    void serviceReplyPrefersStats64AndDropsTheHashedFlag() {
        ServiceEntry e = IpvsReplies.service(Wire.message(FAMILY,
                bytes("01 01 00 00 24 01 01 00 " + SVC_FWMARK6 + " " + STATS32 + " " + STATS64)));
        assertEquals(new ServiceEntry(fwmark6(), new Stats(0x100000005L, 7, 0, 1000, 0, 1, 2, 0, 64, 0), List.of()), e);
    }

    @Test
    void serviceReplyOfAnOldKernelUsesThe32BitStats() {
        ServiceEntry e = IpvsReplies.service(Wire.message(FAMILY, bytes("01 01 00 00 a4 00 01 00 " + SVC_FWMARK6 + " " + STATS32)));
        assertEquals(new Stats(5, 7, 0, 1000, 0, 1, 2, 0, 64, 0), e.stats());
    }

    @Test
    void ipv4ServiceReplyReadsTheMaskBigEndian() throws Exception {
        ServiceEntry e = IpvsReplies.service(Wire.message(FAMILY, bytes("01 01 00 00 54 00 01 00"
                + " 06 00 01 00 02 00 00 00 06 00 02 00 11 00 00 00"
                + " 14 00 03 00 c6 33 64 64 00 00 00 00 00 00 00 00 00 00 00 00 06 00 04 00 00 35 00 00"
                + " 07 00 06 00 72 72 00 00 0c 00 07 00 03 00 00 00 ff ff ff ff"
                + " 08 00 08 00 2c 01 00 00 08 00 09 00 ff ff 00 00")));
        assertEquals(VirtualService.of(ServiceKey.udp(InetAddress.getByName("198.51.100.100"), 53), "rr")
                .withPersistence(300, 0xffff0000), e.service());
        assertEquals(Stats.ZERO, e.stats());
    }

    @Test
    void destinationReplyTakesItsOwnFamilyAndTunnelSettings() throws Exception {
        DestinationEntry d = IpvsReplies.destination(Wire.message(FAMILY, bytes("05 01 00 00 98 00 02 00"
                + " 14 00 01 00 c6 33 64 18 00 00 00 00 00 00 00 00 00 00 00 00" // ADDR
                + " 06 00 02 00 00 50 00 00 08 00 03 00 02 00 00 00 08 00 04 00 04 00 00 00" // PORT, tunnel, 4
                + " 05 00 0d 00 01 00 00 00 06 00 0e 00 17 c0 00 00 06 00 0f 00 02 00 00 00" // gue 6080 remcsum
                + " 08 00 05 00 e8 03 00 00 08 00 06 00 ee 02 00 00" // thresholds
                + " 08 00 07 00 03 00 00 00 08 00 08 00 09 00 00 00 08 00 09 00 01 00 00 00" // active, inact, persist
                + " 06 00 0b 00 02 00 00 00" // ADDR_FAMILY AF_INET
                + " 0c 00 0a 00 08 00 01 00 0c 00 00 00 14 00 0c 00 04 00 0b 00 0c 00 01 00 0d 00 00 00 00 00 00 00")),
                AddressFamily.INET6);
        Destination expected = new Destination(new RealServer(InetAddress.getByName("198.51.100.24"), 80),
                ForwardMethod.TUNNEL, 4, 1000, 750, TunnelType.GUE, 6080, TunnelChecksum.REMCSUM);
        assertEquals(new DestinationEntry(expected, 3, 9, 1, Stats.totals(13, 0, 0, 0, 0)), d);
    }

    @Test
    void destinationWithoutFamilyOrTunnelAttributesTakesTheServiceFamily() throws Exception {
        DestinationEntry d = IpvsReplies.destination(Wire.message(FAMILY, bytes("05 01 00 00 58 00 02 00"
                + " 14 00 01 00 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 21 06 00 02 00 00 50 00 00"
                + " 08 00 03 00 03 00 00 00 08 00 04 00 01 00 00 00 08 00 05 00 00 00 00 00 08 00 06 00 00 00 00 00"
                + " 08 00 07 00 00 00 00 00 08 00 08 00 00 00 00 00 08 00 09 00 00 00 00 00")),
                AddressFamily.INET6);
        assertEquals(Destination.of(new RealServer(InetAddress.getByName("2001:db8::21"), 80), ForwardMethod.ROUTE, 1),
                d.destination());
    }

    @Test
    void daemonInfoAndConfigReplies() throws Exception {
        SyncDaemon d = IpvsReplies.daemon(Wire.message(FAMILY, bytes("09 01 00 00 40 00 03 00"
                + " 08 00 01 00 02 00 00 00 09 00 02 00 65 74 68 30 00 00 00 00 08 00 03 00 09 00 00 00"
                + " 06 00 04 00 c0 05 00 00 06 00 07 00 90 22 00 00 05 00 08 00 01 00 00 00"
                + " 08 00 05 00 e0 00 00 51")));
        assertEquals(new SyncDaemon(SyncState.BACKUP, "eth0", 9, 1472, Optional.of(InetAddress.getByName("224.0.0.81")),
                8848, 1), d);
        assertEquals(new IpvsInfo(0x010201, 4096), IpvsReplies.info(Wire.message(FAMILY,
                bytes("0e 01 00 00 08 00 01 00 01 02 01 00 08 00 02 00 00 10 00 00"))));
        assertEquals(new Timeouts(900, 120, 300), IpvsReplies.timeouts(Wire.message(FAMILY,
                bytes("0c 01 00 00 08 00 04 00 84 03 00 00 08 00 05 00 78 00 00 00 08 00 06 00 2c 01 00 00"))));
    }

    @Test
    void unexpectedCommandsAndUnknownValuesAreProtocolErrors() {
        assertThrows(NetlinkProtocolException.class, () -> IpvsReplies.info(Wire.message(FAMILY, bytes("0c 01 00 00"))));
        NetlinkProtocolException bypass = assertThrows(NetlinkProtocolException.class, () -> IpvsReplies.destination(
                Wire.message(FAMILY, bytes("05 01 00 00 30 00 02 00 14 00 01 00 c6 33 64 18 00 00 00 00 00 00 00 00"
                        + " 00 00 00 00 06 00 02 00 00 50 00 00 08 00 03 00 04 00 00 00 08 00 04 00 01 00 00 00")),
                AddressFamily.INET));
        assertEquals("unknown forwarding method 4", bypass.getMessage());
        assertThrows(NetlinkProtocolException.class, () -> IpvsCommand.valueOf(18));
        assertEquals(IpvsCommand.FLUSH, IpvsCommand.valueOf(17));
    }
}
