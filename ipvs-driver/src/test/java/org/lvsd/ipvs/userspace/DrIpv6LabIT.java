package org.lvsd.ipvs.userspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.userspace.Lab.CLIENT6;
import static org.lvsd.ipvs.userspace.Lab.VIP6;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct routing over IPv6 through the forwarder's packet path in a lab (2001:db8::/64): rs1 and
 * rs2 hold the VIP [2001:db8::100] on lo (neighbor discovery answers for it only on dir1's eth0)
 * and answer the client directly; a capture on dir1 sees the requests, the frames it forwarded to
 * each server's MAC, and no replies. Persistence groups clients by the service's IPv6 prefix
 * length; UDP flows spread too; a bulk upload arrives whole. A datagram with an extension header
 * is not forwarded and dir1's stack does not answer it. Needs root.
 */
class DrIpv6LabIT {
    private static final String CLIENT_MAC = "02:51:00:00:00:0a";
    private static final String DIR1_MAC = "02:51:00:00:00:02";
    /** A second client address in the client's /64, deprecated so that only a bound socket uses it. */
    private static final String CLIENT6_B = "2001:db8::11";
    private static final String URL = "http://[" + VIP6 + "]/";

    @TempDir
    static Path dir;
    private static Lab lab;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.upWithVip6(DrIpv6LabIT.class, "fr6");
        lab.exec("client", "ip", "addr", "add", CLIENT6_B + "/64", "dev", "eth0", "nodad", "preferred_lft", "0");
        String cp = System.getProperty("java.class.path");
        for (String rs : new String[] {"rs1", "rs2"}) {
            lab.realserver(rs, VIP6);
            Nginx.start(lab, rs, VIP6, dir, 1);
            lab.spawn(rs, dir.resolve("udp-" + rs + ".log"), "java", "-cp", cp, LabUdpEcho.class.getName(), VIP6,
                    "9000", rs);
        }
    }

    @AfterAll
    static void down() throws Exception {
        Lab.closeIfUp(lab);
    }

    @Test
    void serversAnswerTheClientDirectly() throws Exception {
        String rules = """
                -A -t [2001:db8::100]:80 -s rr
                -a -t [2001:db8::100]:80 -r [2001:db8::21]:80 -g -w 1
                -a -t [2001:db8::100]:80 -r [2001:db8::22]:80 -g -w 1
                """;
        Path pcap = dir.resolve("dir1.pcap");
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules, "--route-interface", "eth0")) {
            assertTrue(lab.exec("dir1", "nft", "list", "table", "inet", "lvsd_dr")
                    .contains("ip6 daddr 2001:db8::100 tcp dport 80 drop"));
            List<String> bodies = lab.requestsCaptured(dir, pcap, "ip6 and tcp port 80", URL, 4);
            Lab.assertRoundRobin(bodies, CLIENT6);
            // libpcap's tcp[] does not reach into IPv6: the flags are at ip6[40 + 13] (no extension headers)
            String syns = lab.readCapture(pcap, "-q", "ether src " + CLIENT_MAC
                    + " and ip6 dst host " + VIP6 + " and tcp dst port 80 and ip6[53] & 2 != 0");
            String replies = lab.readCapture(pcap, "-q", "ip6 src host " + VIP6 + " and tcp src port 80");
            assertTrue(syns.lines().count() >= 4, "client SYNs seen on dir1:\n" + syns);
            for (String rsMac : new String[] {"02:51:00:00:00:15", "02:51:00:00:00:16"}) {
                String forwarded = lab.readCapture(pcap, "-q", "ether src " + DIR1_MAC + " and ether dst " + rsMac
                        + " and ip6 dst host " + VIP6 + " and tcp dst port 80");
                assertTrue(forwarded.lines().count() >= 2 * 5, "frames dir1 forwarded to " + rsMac + ":\n" + forwarded);
            }
            assertEquals("", replies, "replies crossed the director");
            String dr = f.command("dr");
            System.out.println(f.command("stats") + dr);
            // both servers' MACs were resolved (neighbor discovery) when they were added: no first SYN lost
            assertTrue(dr.endsWith(" unresolved=0\n"), dr);
        }
        Lab.Result table = lab.tryExec("dir1", 10, "nft", "list", "table", "inet", "lvsd_dr");
        assertNotEquals(0, table.exit(), "the nftables table outlived the forwarder: " + table.output());
    }

    @Test
    void persistenceGroupsClientsByTheServicesPrefixLength() throws Exception {
        String byPrefix = """
                -A -t [2001:db8::100]:80 -s rr -p 60 -M 64
                -a -t [2001:db8::100]:80 -r [2001:db8::21]:80 -g -w 1
                -a -t [2001:db8::100]:80 -r [2001:db8::22]:80 -g -w 1
                """;
        List<String> servers = serversSeenBy(byPrefix);
        assertEquals(1, Set.copyOf(servers).size(), "one /64, one server: " + servers);
        String byAddress = byPrefix.replace(" -M 64", "");
        List<String> apart = serversSeenBy(byAddress);
        assertEquals(List.of(apart.get(0), apart.get(0), apart.get(0), apart.get(3), apart.get(3), apart.get(3)),
                apart);
        assertNotEquals(apart.get(0), apart.get(3), "two /128s, the second scheduled anew: " + apart);
    }

    /** The servers naming themselves in 3 answers to the client's first address, then 3 to its second. */
    private static List<String> serversSeenBy(String rules) throws Exception {
        List<String> servers = new ArrayList<>();
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules, "--route-interface", "eth0")) {
            for (String source : new String[] {CLIENT6, CLIENT6_B}) {
                for (int i = 0; i < 3; i++) {
                    String body = lab.exec("client", "curl", "-gsS", "--max-time", "10", "--interface", source, URL);
                    assertTrue(body.endsWith(" " + source + "\n"), body);
                    servers.add(body.substring(0, 3));
                }
            }
        }
        return servers;
    }

    @Test
    void udpFlowsSpreadOverBothServers() throws Exception {
        String rules = """
                -A -u [2001:db8::100]:9000 -s rr
                -a -u [2001:db8::100]:9000 -r [2001:db8::21]:9000 -g -w 1
                -a -u [2001:db8::100]:9000 -r [2001:db8::22]:9000 -g -w 1
                """;
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules, "--route-interface", "eth0")) {
            Set<String> answers = new HashSet<>();
            for (int i = 0; i < 2; i++) {
                String answer = "";
                for (int attempt = 0; attempt < 20 && answer.isEmpty(); attempt++) {
                    // each bash is a new source port, so a new flow; the answer comes from the VIP itself
                    answer = lab.tryExec("client", 10, "bash", "-c", "exec 3<>/dev/udp/" + VIP6
                            + "/9000; printf hi >&3; read -t 1 -N 6 r <&3; printf %s \"$r\"").output();
                }
                answers.add(answer);
            }
            assertEquals(Set.of("rs1:hi", "rs2:hi"), answers);
            String dr = f.command("dr");
            assertTrue(dr.startsWith("forwarded=2 received=2 "), dr);
        }
    }

    @Test
    void aBulkUploadArrivesWhole() throws Exception {
        String rules = """
                -A -t [2001:db8::100]:5000 -s rr
                -a -t [2001:db8::100]:5000 -r [2001:db8::21]:5000 -g -w 1
                """;
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules, "--route-interface", "eth0")) {
            // frames the ring had no room for in a burst are resent by TCP: only completeness counts
            assertEquals(4_000_000, lab.uploadToRs1(dir, VIP6), f.command("dr"));
        }
    }

    /**
     * A SYN from the client to [VIP]:80 behind a destination options header (PadN), checksum
     * correct (tcpdump -vv: "DSTOPT (padn) 40001 > 80: Flags [S], cksum 0xb6ce (correct)").
     */
    private static final String SYN_WITH_DESTINATION_OPTIONS = "02510000000202510000000a86dd"
            + "60000000001c3c40" + "20010db8000000000000000000000010" + "20010db8000000000000000000000100"
            + "0600010400000000" + "9c41005000000001000000005002ffffb6ce0000";

    @Test
    void aDatagramWithExtensionHeadersIsNeitherForwardedNorAnswered() throws Exception {
        // without the forwarder, dir1's stack answers such a SYN with a RST: the frame is valid
        assertTrue(sendCaptured("ext-none.pcap").contains(VIP6 + ".80 > " + CLIENT6 + ".40001: Flags [R."));
        String rules = """
                -A -t [2001:db8::100]:80 -s rr
                -a -t [2001:db8::100]:80 -r [2001:db8::21]:80 -g -w 1
                """;
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules, "--route-interface", "eth0")) {
            String seen = sendCaptured("ext-served.pcap");
            assertTrue(seen.contains(CLIENT6 + " > " + VIP6 + ": DSTOPT"), seen);
            assertEquals(1, seen.lines().count(), "dir1 forwarded or answered it:\n" + seen);
            // the socket filter kept it from the packet path; the service's nft rule dropped it
            assertEquals("forwarded=0 received=0 dropped=0 segmented=0 unsegmentable=0 too_big=0 unresolved=0\n",
                    f.command("dr"));
        }
    }

    /** Sends {@link #SYN_WITH_DESTINATION_OPTIONS} from the client; what dir1's eth0 saw of port 40001 (tcpdump -q). */
    private static String sendCaptured(String file) throws Exception {
        Path pcap = dir.resolve(file);
        Process capture = lab.spawn("dir1", dir.resolve(file + ".log"), "timeout", "30", "tcpdump", "-i", "eth0",
                "-n", "--immediate-mode", "-U", "-w", pcap.toString(), "ip6");
        Thread.sleep(1000);
        assertEquals("sent\n", lab.exec("client", "java", "-cp", System.getProperty("java.class.path"),
                LabSendFrame.class.getName(), "eth0", SYN_WITH_DESTINATION_OPTIONS));
        Thread.sleep(1000);
        capture.destroy();
        capture.waitFor();
        return lab.readCapture(pcap, "", "ip6 and not icmp6");
    }
}
