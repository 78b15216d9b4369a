package org.lvsd.ipvs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.kernel.Hex.bytes;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.netlink.NlRequest;

/**
 * Golden bytes of every IPVS request, derived by hand from include/uapi/linux/ip_vs.h (attribute
 * numbers) and ip_vs_ctl.c (types and byte order). Little-endian host, as on x86-64 and arm64.
 */
class IpvsRequestsTest {
    static final int FAMILY = 0x22;
    final IpvsRequests r = new IpvsRequests(FAMILY);

    static final String GENL_V1 = "01 00 00";
    /** AF 2, PROTOCOL 6, ADDR 198.51.100.100, PORT 80 (big-endian). */
    static final String TCP_VIP_80 = "06 00 01 00 02 00 00 00  06 00 02 00 06 00 00 00"
            + " 14 00 03 00 c6 33 64 64 00 00 00 00 00 00 00 00 00 00 00 00  06 00 04 00 00 50 00 00";

    static ServiceKey vip80() throws Exception {
        return ServiceKey.tcp(InetAddress.getByName("198.51.100.100"), 80);
    }

    static void assertPayload(String hex, NlRequest req) {
        assertEquals(Hex.of(bytes(hex)), Hex.of(req.payload()));
        assertEquals(FAMILY, req.type());
        assertEquals(0, req.flags());
    }

    @Test
    void newServiceCarriesTheFullEntryWithFlagMaskAllOnes() throws Exception {
        NlRequest req = r.newService(VirtualService.of(vip80(), "rr"));
        assertPayload("01" + GENL_V1 + " 54 00 01 80 " + TCP_VIP_80
                + " 07 00 06 00 72 72 00 00" // SCHED_NAME "rr\0"
                + " 0c 00 07 00 00 00 00 00 ff ff ff ff" // FLAGS 0, mask ~0
                + " 08 00 08 00 00 00 00 00" // TIMEOUT 0
                + " 08 00 09 00 ff ff ff ff", req); // NETMASK 255.255.255.255 (be32)
        assertEquals("add service TCP 198.51.100.100:80", req.description());
        assertEquals(Hex.of(bytes("68 00 00 00 22 00 05 00 07 00 00 00 34 12 00 00 01 01 00 00 54 00 01 80 "
                + TCP_VIP_80 + " 07 00 06 00 72 72 00 00 0c 00 07 00 00 00 00 00 ff ff ff ff"
                + " 08 00 08 00 00 00 00 00 08 00 09 00 ff ff ff ff")),
                Hex.of(req.withFlags(0x05).encode(7, 0x1234)));
    }

    @Test
    void persistentIpv4ServiceWithPeSendsTheMaskBigEndian() throws Exception {
        VirtualService s = new VirtualService(ServiceKey.udp(InetAddress.getByName("198.51.100.102"), 5060), "sh",
                java.util.Set.of(ServiceFlag.PERSISTENT, ServiceFlag.SCHED1), 300, 0xffffff00, "sip");
        assertPayload("02" + GENL_V1 + " 5c 00 01 80"
                + " 06 00 01 00 02 00 00 00  06 00 02 00 11 00 00 00"
                + " 14 00 03 00 c6 33 64 66 00 00 00 00 00 00 00 00 00 00 00 00  06 00 04 00 13 c4 00 00"
                + " 07 00 06 00 73 68 00 00" // SCHED_NAME "sh"
                + " 08 00 0b 00 73 69 70 00" // PE_NAME "sip"
                + " 0c 00 07 00 09 00 00 00 ff ff ff ff" // PERSISTENT | SCHED1
                + " 08 00 08 00 2c 01 00 00" // 300 s
                + " 08 00 09 00 ff ff ff 00", r.setService(s)); // 255.255.255.0
    }

    @Test
    void ipv6ServiceSendsSixteenByteAddressAndPrefixLengthInHostOrder() throws Exception {
        VirtualService s = VirtualService.of(ServiceKey.tcp(InetAddress.getByName("2001:db8::100"), 443), "mh")
                .withPersistence(600, 64);
        assertPayload("01" + GENL_V1 + " 54 00 01 80"
                + " 06 00 01 00 0a 00 00 00  06 00 02 00 06 00 00 00"
                + " 14 00 03 00 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 01 00  06 00 04 00 01 bb 00 00"
                + " 07 00 06 00 6d 68 00 00 0c 00 07 00 01 00 00 00 ff ff ff ff"
                + " 08 00 08 00 58 02 00 00 08 00 09 00 40 00 00 00", r.newService(s));
    }

    @Test
    void setServiceWithAMaskChangesOnlyThoseFlagBits() throws Exception {
        VirtualService s = VirtualService.of(vip80(), "rr").withFlags(ServiceFlag.ONE_PACKET);
        assertPayload("02" + GENL_V1 + " 54 00 01 80 " + TCP_VIP_80 + " 07 00 06 00 72 72 00 00"
                + " 0c 00 07 00 04 00 00 00 04 00 00 00 08 00 08 00 00 00 00 00 08 00 09 00 ff ff ff ff",
                r.setService(s, ServiceFlag.ONE_PACKET.bit()));
    }

    @Test
    void fwmarkServiceIsIdentifiedByFamilyAndMark() {
        ServiceKey key = ServiceKey.fwmark(42, AddressFamily.INET6);
        assertPayload("03" + GENL_V1 + " 14 00 01 80 06 00 01 00 0a 00 00 00 08 00 05 00 2a 00 00 00",
                r.delService(key));
        assertEquals("delete service FWM 42 IPv6", r.delService(key).description());
        assertPayload("04" + GENL_V1 + " 14 00 01 80 06 00 01 00 0a 00 00 00 08 00 05 00 2a 00 00 00",
                r.getService(key));
        assertPayload("10" + GENL_V1 + " 14 00 01 80 06 00 01 00 0a 00 00 00 08 00 05 00 2a 00 00 00",
                r.zero(key));
    }

    @Test
    void newDestinationGueTunnelSendsTypePortAndChecksumFlags() throws Exception {
        Destination d = Destination.of(new RealServer(InetAddress.getByName("198.51.100.24"), 80), ForwardMethod.ROUTE, 4)
                .withTunnel(TunnelType.GUE, 6080, TunnelChecksum.CSUM);
        NlRequest req = r.newDest(vip80(), d);
        assertPayload("05" + GENL_V1 + " 30 00 01 80 " + TCP_VIP_80 + " 60 00 02 80"
                + " 06 00 0b 00 02 00 00 00" // ADDR_FAMILY AF_INET
                + " 14 00 01 00 c6 33 64 18 00 00 00 00 00 00 00 00 00 00 00 00" // ADDR
                + " 06 00 02 00 00 50 00 00" // PORT 80
                + " 08 00 03 00 02 00 00 00" // FWD_METHOD tunnel
                + " 08 00 04 00 04 00 00 00" // WEIGHT 4
                + " 05 00 0d 00 01 00 00 00" // TUN_TYPE gue (u8)
                + " 06 00 0e 00 17 c0 00 00" // TUN_PORT 6080 (be16)
                + " 06 00 0f 00 01 00 00 00" // TUN_FLAGS csum
                + " 08 00 05 00 00 00 00 00 08 00 06 00 00 00 00 00", req); // thresholds
        assertEquals("add destination TCP 198.51.100.100:80 -> 198.51.100.24:80", req.description());
    }

    @Test
    void setDestinationMasqWithThresholdsSendsNoTunnelAttributes() throws Exception {
        Destination d = Destination.of(new RealServer(InetAddress.getByName("198.51.100.21"), 8080), ForwardMethod.MASQ, 0)
                .withThresholds(1000, 750);
        assertPayload("06" + GENL_V1 + " 30 00 01 80 " + TCP_VIP_80 + " 48 00 02 80"
                + " 06 00 0b 00 02 00 00 00 14 00 01 00 c6 33 64 15 00 00 00 00 00 00 00 00 00 00 00 00"
                + " 06 00 02 00 1f 90 00 00 08 00 03 00 00 00 00 00 08 00 04 00 00 00 00 00"
                + " 08 00 05 00 e8 03 00 00 08 00 06 00 ee 02 00 00", r.setDest(vip80(), d));
    }

    @Test
    void greTunnelSendsChecksumFlagsButNoPort() throws Exception {
        Destination d = Destination.of(new RealServer(InetAddress.getByName("198.51.100.25"), 80), ForwardMethod.TUNNEL, 5)
                .withTunnel(TunnelType.GRE, 0, TunnelChecksum.REMCSUM);
        assertPayload("05" + GENL_V1 + " 30 00 01 80 " + TCP_VIP_80 + " 58 00 02 80"
                + " 06 00 0b 00 02 00 00 00 14 00 01 00 c6 33 64 19 00 00 00 00 00 00 00 00 00 00 00 00"
                + " 06 00 02 00 00 50 00 00 08 00 03 00 02 00 00 00 08 00 04 00 05 00 00 00"
                + " 05 00 0d 00 02 00 00 00 06 00 0f 00 02 00 00 00"
                + " 08 00 05 00 00 00 00 00 08 00 06 00 00 00 00 00", r.newDest(vip80(), d));
    }

    @Test
    void deleteIpv6DestinationSendsItsIdentityOnly() throws Exception {
        ServiceKey key = ServiceKey.tcp(InetAddress.getByName("2001:db8::100"), 80);
        NlRequest req = r.delDest(key, new RealServer(InetAddress.getByName("2001:db8::21"), 80));
        assertPayload("07" + GENL_V1 + " 30 00 01 80"
                + " 06 00 01 00 0a 00 00 00 06 00 02 00 06 00 00 00"
                + " 14 00 03 00 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 01 00 06 00 04 00 00 50 00 00"
                + " 28 00 02 80 06 00 0b 00 0a 00 00 00"
                + " 14 00 01 00 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 21 06 00 02 00 00 50 00 00", req);
        assertEquals("delete destination TCP [2001:db8::100]:80 -> [2001:db8::21]:80", req.description());
    }

    @Test
    void dumpsAndPlainCommandsCarryOnlyTheHeader() throws Exception {
        assertPayload("04" + GENL_V1, r.dumpServices());
        assertPayload("08" + GENL_V1 + " 30 00 01 80 " + TCP_VIP_80, r.dumpDests(vip80()));
        assertPayload("0b" + GENL_V1, r.dumpDaemons());
        assertPayload("0d" + GENL_V1, r.getConfig());
        assertPayload("0f" + GENL_V1, r.getInfo());
        assertPayload("10" + GENL_V1, r.zeroAll());
        assertPayload("11" + GENL_V1, r.flush());
    }

    @Test
    void setConfigSendsTheThreeTimeouts() {
        NlRequest req = r.setConfig(new Timeouts(900, 120, 300));
        assertPayload("0c" + GENL_V1 + " 08 00 04 00 84 03 00 00 08 00 05 00 78 00 00 00 08 00 06 00 2c 01 00 00", req);
        assertEquals("set timeouts 900 120 300", req.description());
    }

    @Test
    void newDaemonSendsEveryGivenSetting() throws Exception {
        SyncDaemon d = new SyncDaemon(SyncState.MASTER, "eth0", 7, 1472,
                Optional.of(InetAddress.getByName("239.0.0.81")), 8848, 2);
        assertPayload("09" + GENL_V1 + " 40 00 03 80"
                + " 08 00 01 00 01 00 00 00" // STATE master
                + " 09 00 02 00 65 74 68 30 00 00 00 00" // MCAST_IFN "eth0"
                + " 08 00 03 00 07 00 00 00" // SYNC_ID
                + " 06 00 04 00 c0 05 00 00" // SYNC_MAXLEN 1472
                + " 08 00 05 00 ef 00 00 51" // MCAST_GROUP 239.0.0.81
                + " 06 00 07 00 90 22 00 00" // MCAST_PORT 8848 (host order)
                + " 05 00 08 00 02 00 00 00", r.newDaemon(d)); // MCAST_TTL
    }

    @Test
    void newDaemonWithDefaultsAndIpv6GroupAndDelDaemon() throws Exception {
        assertPayload("09" + GENL_V1 + " 1c 00 03 80 08 00 01 00 02 00 00 00 07 00 02 00 6c 6f 00 00"
                + " 08 00 03 00 09 00 00 00", r.newDaemon(SyncDaemon.of(SyncState.BACKUP, "lo", 9)));
        SyncDaemon v6 = new SyncDaemon(SyncState.BACKUP, "lo", 9, 0, Optional.of(InetAddress.getByName("ff02::12")),
                0, 0);
        assertPayload("09" + GENL_V1 + " 30 00 03 80 08 00 01 00 02 00 00 00 07 00 02 00 6c 6f 00 00"
                + " 08 00 03 00 09 00 00 00 14 00 06 00 ff 02 00 00 00 00 00 00 00 00 00 00 00 00 00 12",
                r.newDaemon(v6));
        assertPayload("0a" + GENL_V1 + " 0c 00 03 80 08 00 01 00 02 00 00 00", r.delDaemon(SyncState.BACKUP));
    }
}
