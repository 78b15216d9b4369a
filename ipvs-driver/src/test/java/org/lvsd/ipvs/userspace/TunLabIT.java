package org.lvsd.ipvs.userspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.userspace.Lab.CLIENT;
import static org.lvsd.ipvs.userspace.Lab.DIR1;
import static org.lvsd.ipvs.userspace.Lab.RS1;
import static org.lvsd.ipvs.userspace.Lab.RS2;
import static org.lvsd.ipvs.userspace.Lab.VIP;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IP-in-IP tunnelling ({@code -i}) through the forwarder's packet path in a lab: dir1 wraps the
 * client's packets in outer headers to rs1 and rs2, which answer the client directly. The lab
 * kernel has no {@code ipip} module, so each real server's tunnel endpoint is
 * {@link IpipDecapsulator} (outer header checked, inner datagram into a TUN device {@code ipip0},
 * rp_filter off, the VIP on lo with the LVS ARP sysctls). A capture on dir1 shows the outer and
 * inner addresses and no reply. A datagram with DF that the outer header would push past the MTU
 * is answered with ICMP "fragmentation needed", which the client's stack takes as its path MTU to
 * the VIP. A bulk upload arrives whole: the client's 64 KiB TSO segments are split into its MSS
 * before they are wrapped. An {@code ip lvsd_dr} table an older forwarder left on dir1 is removed
 * when the path starts. Needs root.
 */
class TunLabIT {
    private static final Map<String, String> SERVERS = Map.of("rs1", RS1, "rs2", RS2);
    @TempDir
    static Path dir;
    private static Lab lab;
    private static final List<ForwarderProcess> endpoints = new ArrayList<>();

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.upWithVip(TunLabIT.class, "fwi");
        for (var rs : SERVERS.entrySet()) {
            lab.realserver(rs.getKey(), VIP);
            Nginx.start(lab, rs.getKey(), "0.0.0.0", dir, 1);
            endpoints.add(TunnelChecks.startEndpoint(lab, rs.getKey(), dir, rs.getValue()));
            lab.exec(rs.getKey(), "sysctl", "-qw", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.ipip0.rp_filter=0");
        }
    }

    @AfterAll
    static void down() throws Exception {
        for (ForwarderProcess e : endpoints) {
            e.close();
        }
        Lab.closeIfUp(lab);
    }

    @Test
    void serversAnswerTunnelledRequestsDirectly() throws Exception {
        String rules = """
                -A -t 198.51.100.100:80 -s rr
                -a -t 198.51.100.100:80 -r 198.51.100.21:80 -i -w 1
                -a -t 198.51.100.100:80 -r 198.51.100.22:80 -i -w 1
                """;
        Path pcap = dir.resolve("dir1.pcap");
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules, "--route-interface", "eth0")) {
            assertTrue(f.command("list").contains("198.51.100.21:80             Tunnel  1"), f.command("list"));
            List<String> bodies = lab.requestsCaptured(dir, pcap, "tcp port 80 or ip proto 4", 4);
            Lab.assertRoundRobin(bodies, CLIENT);

            String tunnelled = lab.readCapture(pcap, "-q", "ip proto 4");
            Pattern line = Pattern.compile("[0-9:.]+ IP " + Pattern.quote(DIR1) + " > 198\\.51\\.100\\.2[12]: IP "
                    + Pattern.quote(CLIENT) + "\\.\\d+ > " + Pattern.quote(VIP) + "\\.80: tcp \\d+");
            TunnelChecks.assertTunnelledToEach(tunnelled, SERVERS.values(), line);
            String verbose = lab.readCapture(pcap, "-v", "ip proto 4");
            assertTrue(verbose.contains("proto IPIP (4)"), verbose);
            assertFalse(verbose.contains("bad cksum"), verbose);
            assertEquals("", lab.readCapture(pcap, "-q", "src host " + VIP + " and tcp src port 80"), "replies crossed the director");
            assertEquals("", lab.readCapture(pcap, "-q", "ip proto 4 and not src host " + DIR1), "IPIP toward the director");

            String dr = f.command("dr");
            System.out.println(f.command("stats") + dr);
            assertTrue(dr.endsWith(" too_big=0 unresolved=0\n"), dr);
            TunnelChecks.assertDecapsulatedWithoutRejects(endpoints);
        }
    }

    @Test
    void aDatagramTooBigToTunnelIsAnsweredWithFragmentationNeeded() throws Exception {
        String rules = """
                -A -u 198.51.100.100:9000 -s rr
                -a -u 198.51.100.100:9000 -r 198.51.100.21:9000 -i -w 1
                """;
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules, "--route-interface", "eth0")) {
            lab.exec("client", "ip", "route", "flush", "cache");
            assertTrue(lab.exec("client", "ip", "route", "get", VIP).lines().noneMatch(l -> l.contains("mtu")));
            // 1472 bytes of payload: a 1500-byte datagram, which fits the client's link but not a tunnel
            assertEquals("sent\n", lab.exec("client", "java", "-cp", System.getProperty("java.class.path"),
                    LabUdpSend.class.getName(), VIP, "9000", "1472"));
            String route = lab.exec("client", "ip", "route", "get", VIP);
            assertTrue(route.contains(" mtu 1480"), "the client did not learn the tunnel's MTU:\n" + route);
            assertTrue(f.command("dr").matches(
                    "forwarded=0 received=1 dropped=0 segmented=0 unsegmentable=0 too_big=1 unresolved=0\n"),
                    f.command("dr"));
        }
    }

    @Test
    void aBulkUploadArrivesWhole() throws Exception {
        String rules = """
                -A -t 198.51.100.100:5000 -s rr
                -a -t 198.51.100.100:5000 -r 198.51.100.21:5000 -i -w 1
                """;
        TunnelChecks.assertUploadArrivesWhole(lab, dir, rules, VIP);
    }

    @Test
    void aTableLeftByAnOlderForwarderIsRemoved() throws Exception {
        lab.exec("dir1", "nft", "add", "table", "ip", "lvsd_dr");
        String rules = """
                -A -t 198.51.100.100:80 -s rr
                -a -t 198.51.100.100:80 -r 198.51.100.21:80 -i -w 1
                """;
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules, "--route-interface", "eth0")) {
            assertEquals("table inet lvsd_dr\n", lab.exec("dir1", "nft", "list", "tables"));
        }
        assertEquals("", lab.exec("dir1", "nft", "list", "tables"));
    }
}
