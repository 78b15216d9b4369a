package org.lvsd.ipvs.userspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.userspace.Lab.CLIENT6;
import static org.lvsd.ipvs.userspace.Lab.DIR16;
import static org.lvsd.ipvs.userspace.Lab.RS16;
import static org.lvsd.ipvs.userspace.Lab.RS26;
import static org.lvsd.ipvs.userspace.Lab.VIP6;

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
 * Tunnelling ({@code -i}) of an IPv6 service through the forwarder's packet path in a lab: dir1
 * wraps the client's datagrams in outer IPv6 headers (RFC 2473, next header 41) to rs1 and rs2,
 * which answer the client directly. The lab kernel has no {@code ip6_tunnel} module ({@code ip -6
 * tunnel add ... mode ip6ip6} fails), so each real server's tunnel endpoint is
 * {@link IpipDecapsulator} in its IPv6 mode (outer header checked, inner datagram into a TUN
 * device {@code ipip0}, the VIP on lo). A capture on dir1 shows the outer and inner addresses and
 * no reply. A datagram that the outer header would push past the MTU is answered with ICMPv6
 * Packet Too Big, which the client's stack takes as its path MTU to the VIP. A bulk upload arrives
 * whole: the client's 64 KiB TSO segments are split into its MSS before they are wrapped. Needs
 * root.
 */
class TunIpv6LabIT {
    private static final Map<String, String> SERVERS = Map.of("rs1", RS16, "rs2", RS26);
    @TempDir
    static Path dir;
    private static Lab lab;
    private static final List<ForwarderProcess> endpoints = new ArrayList<>();

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.upWithVip6(TunIpv6LabIT.class, "fi6");
        for (var rs : SERVERS.entrySet()) {
            lab.realserver(rs.getKey(), VIP6);
            Nginx.start(lab, rs.getKey(), VIP6, dir, 1);
            endpoints.add(TunnelChecks.startEndpoint(lab, rs.getKey(), dir, rs.getValue()));
            lab.exec(rs.getKey(), "sysctl", "-qw", "net.ipv6.conf.ipip0.disable_ipv6=0");
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
                -A -t [2001:db8::100]:80 -s rr
                -a -t [2001:db8::100]:80 -r [2001:db8::21]:80 -i -w 1
                -a -t [2001:db8::100]:80 -r [2001:db8::22]:80 -i -w 1
                """;
        Path pcap = dir.resolve("dir1.pcap");
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules, "--route-interface", "eth0")) {
            assertTrue(f.command("list").contains("[2001:db8::21]:80            Tunnel  1"), f.command("list"));
            List<String> bodies = lab.requestsCaptured(dir, pcap, "ip6 and (tcp port 80 or ip6[6] = 41)",
                    "http://[" + VIP6 + "]/", 4);
            Lab.assertRoundRobin(bodies, CLIENT6);

            String tunnelled = lab.readCapture(pcap, "-q", "ip6[6] = 41");
            Pattern line = Pattern.compile("[0-9:.]+ IP6 " + Pattern.quote(DIR16) + " > 2001:db8::2[12]: IP6 "
                    + Pattern.quote(CLIENT6) + "\\.\\d+ > " + Pattern.quote(VIP6) + "\\.80: tcp \\d+");
            TunnelChecks.assertTunnelledToEach(tunnelled, SERVERS.values(), line);
            String verbose = lab.readCapture(pcap, "-v", "ip6[6] = 41");
            assertTrue(verbose.contains("next-header IPv6 (41)"), verbose);
            assertFalse(verbose.contains("incorrect"), verbose);
            assertEquals("", lab.readCapture(pcap, "-q", "ip6 src host " + VIP6 + " and tcp src port 80"),
                    "replies crossed the director");
            assertEquals("", lab.readCapture(pcap, "-q", "ip6[6] = 41 and not ip6 src host " + DIR16),
                    "tunnelled toward the director");

            String dr = f.command("dr");
            System.out.println(f.command("stats") + dr);
            assertTrue(dr.endsWith(" too_big=0 unresolved=0\n"), dr);
            TunnelChecks.assertDecapsulatedWithoutRejects(endpoints);
        }
    }

    @Test
    void aDatagramTooBigToTunnelIsAnsweredWithPacketTooBig() throws Exception {
        String rules = """
                -A -u [2001:db8::100]:9000 -s rr
                -a -u [2001:db8::100]:9000 -r [2001:db8::21]:9000 -i -w 1
                """;
        Path pcap = dir.resolve("ptb.pcap");
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules, "--route-interface", "eth0")) {
            lab.exec("client", "ip", "-6", "route", "flush", "cache");
            assertTrue(lab.exec("client", "ip", "-6", "route", "get", VIP6).lines().noneMatch(l -> l.contains("mtu")));
            Process capture = lab.spawn("dir1", dir.resolve("ptb-tcpdump.log"), "timeout", "30", "tcpdump", "-i",
                    "eth0", "-n", "--immediate-mode", "-U", "-w", pcap.toString(), "icmp6 and ip6[40] = 2");
            Thread.sleep(1000);
            // 1452 bytes of payload: a 1500-byte datagram, which fits the client's link but not a tunnel
            assertEquals("sent\n", lab.exec("client", "java", "-cp", System.getProperty("java.class.path"),
                    LabUdpSend.class.getName(), VIP6, "9000", "1452"));
            String route = lab.exec("client", "ip", "-6", "route", "get", VIP6);
            assertTrue(route.contains(" mtu 1460"), "the client did not learn the tunnel's MTU:\n" + route);
            assertTrue(f.command("dr").matches(
                    "forwarded=0 received=1 dropped=0 segmented=0 unsegmentable=0 too_big=1 unresolved=0\n"),
                    f.command("dr"));
            Thread.sleep(500);
            capture.destroy();
            capture.waitFor();
            String ptb = lab.readCapture(pcap, "-v", "icmp6");
            assertTrue(ptb.contains(VIP6 + " > " + CLIENT6 + ": [icmp6 sum ok] ICMP6, packet too big, mtu 1460"), ptb);
        }
    }

    @Test
    void aBulkUploadArrivesWhole() throws Exception {
        String rules = """
                -A -t [2001:db8::100]:5000 -s rr
                -a -t [2001:db8::100]:5000 -r [2001:db8::21]:5000 -i -w 1
                """;
        TunnelChecks.assertUploadArrivesWhole(lab, dir, rules, VIP6);
    }
}
