package org.lvsd.ipvs.userspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.userspace.Lab.CLIENT;
import static org.lvsd.ipvs.userspace.Lab.VIP;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct routing through the forwarder's packet path in a lab: rs1 and rs2 hold the VIP on lo and
 * answer the client directly; a capture on dir1 sees the requests and no replies. A bulk upload
 * arrives whole although the client's stack hands its link 64 KiB segments. Needs root.
 */
class DrLabIT {
    @TempDir
    static Path dir;
    private static Lab lab;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.upWithVip(DrLabIT.class, "fwr");
        for (String rs : new String[] {"rs1", "rs2"}) {
            lab.realserver(rs, VIP);
            Nginx.start(lab, rs, "0.0.0.0", dir, 1);
        }
    }

    @AfterAll
    static void down() throws Exception {
        Lab.closeIfUp(lab);
    }

    @Test
    void serversAnswerTheClientDirectly() throws Exception {
        String rules = """
                -A -t 198.51.100.100:80 -s rr
                -a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1
                -a -t 198.51.100.100:80 -r 198.51.100.22:80 -g -w 1
                """;
        Path pcap = dir.resolve("dir1.pcap");
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules, "--route-interface", "eth0")) {
            assertTrue(lab.exec("dir1", "nft", "list", "table", "inet", "lvsd_dr")
                    .contains("ip daddr 198.51.100.100 tcp dport 80 drop"));
            List<String> bodies = lab.requestsCaptured(dir, pcap, "tcp port 80", 4);
            Lab.assertRoundRobin(bodies, CLIENT);
            String syns = lab.readCapture(pcap, "-q", "ether src 02:51:00:00:00:0a"
                    + " and dst host " + VIP + " and tcp dst port 80 and tcp[tcpflags] & tcp-syn != 0");
            String replies = lab.readCapture(pcap, "-q", "src host " + VIP + " and tcp src port 80");
            String forwarded = lab.readCapture(pcap, "-q", "ether src 02:51:00:00:00:02"
                    + " and dst host " + VIP + " and tcp dst port 80");
            assertTrue(syns.lines().count() >= 4, "client SYNs seen on dir1:\n" + syns);
            assertTrue(forwarded.lines().count() >= 4 * 5, "frames dir1 forwarded:\n" + forwarded);
            assertEquals("", replies, "replies crossed the director");
            String stats = f.command("stats");
            String dr = f.command("dr");
            System.out.println(stats + dr);
            // both servers' MACs were resolved when they were added: no first SYN was lost to ARP
            assertTrue(dr.endsWith(" unresolved=0\n"), dr);
            long bench = measure(f);
            System.out.println("direct routing: " + bench + " packets/s forwarded (wrk -t1 -c20 -d5s keep-alive)");
        }
        Lab.Result table = lab.tryExec("dir1", 10, "nft", "list", "table", "inet", "lvsd_dr");
        assertNotEquals(0, table.exit(), "the nftables table outlived the forwarder: " + table.output());
        assertFalse(table.output().contains("drop"));
    }

    @Test
    void aBulkUploadArrivesWhole() throws Exception {
        String rules = """
                -A -t 198.51.100.100:5000 -s rr
                -a -t 198.51.100.100:5000 -r 198.51.100.21:5000 -g -w 1
                """;
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules, "--route-interface", "eth0")) {
            // frames the ring had no room for in a burst are resent by TCP: only completeness counts
            assertEquals(4_000_000, lab.uploadToRs1(dir, VIP), f.command("dr"));
        }
    }

    /** Frames forwarded per second under a 5 s keep-alive wrk load (printed, not asserted). */
    private static long measure(ForwarderProcess f) throws Exception {
        long before = forwarded(f.command("dr"));
        long t0 = System.nanoTime();
        lab.tryExec("client", 30, "wrk", "-t1", "-c20", "-d5s", "http://" + VIP + "/");
        long after = forwarded(f.command("dr"));
        return (after - before) * 1_000_000_000L / (System.nanoTime() - t0);
    }

    private static long forwarded(String dr) {
        return Long.parseLong(dr.trim().split(" ")[0].substring("forwarded=".length()));
    }
}
