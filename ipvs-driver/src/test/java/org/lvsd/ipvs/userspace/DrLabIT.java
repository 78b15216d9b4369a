package org.lvsd.ipvs.userspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lvsd.ipvs.userspace.Lab.CLIENT;
import static org.lvsd.ipvs.userspace.Lab.VIP;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct routing through the forwarder's packet path in a lab: rs1 and rs2 hold the VIP on lo and
 * answer the client directly; a capture on dir1 sees the requests and no replies. Needs root.
 */
class DrLabIT {
    @TempDir
    static Path dir;
    private static Lab lab;

    @BeforeAll
    static void up() throws Exception {
        String skip = Lab.skipReason();
        if (skip != null) {
            System.out.println("DrLabIT skipped: " + skip);
        }
        assumeTrue(skip == null, skip);
        lab = Lab.up("fwr" + ProcessHandle.current().pid() % 100000);
        lab.exec("dir1", "ip", "addr", "add", VIP + "/32", "dev", "eth0");
        for (String rs : new String[] {"rs1", "rs2"}) {
            lab.realserver(rs, VIP);
            Nginx.start(lab, rs, "0.0.0.0", dir, 1);
        }
    }

    @AfterAll
    static void down() throws Exception {
        if (lab != null) {
            lab.close();
        }
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
            assertTrue(lab.exec("dir1", "nft", "list", "table", "ip", "lvsd_dr")
                    .contains("ip daddr 198.51.100.100 tcp dport 80 drop"));
            Process capture = lab.spawn("dir1", dir.resolve("tcpdump.log"), "timeout", "60", "tcpdump", "-i", "eth0",
                    "-n", "--immediate-mode", "-U", "-w", pcap.toString(), "tcp port 80");
            Thread.sleep(1000);
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                bodies.add(lab.exec("client", "curl", "-sS", "--max-time", "10", "http://" + VIP + "/"));
            }
            Thread.sleep(1500);
            capture.destroy();
            assertTrue(capture.waitFor(10, TimeUnit.SECONDS));
            assertTrue(Set.of("rs1 " + CLIENT + "\n", "rs2 " + CLIENT + "\n").contains(bodies.get(0)), bodies.toString());
            assertNotEquals(bodies.get(0), bodies.get(1));
            assertEquals(List.of(bodies.get(0), bodies.get(1), bodies.get(0), bodies.get(1)), bodies);
            // tcpdump -r prints its "reading from file" line on stderr; -q keeps one line per packet
            String syns = lab.exec("dir1", "sh", "-c", "tcpdump -q -r " + pcap + " -n 'ether src 02:51:00:00:00:0a"
                    + " and dst host " + VIP + " and tcp dst port 80 and tcp[tcpflags] & tcp-syn != 0' 2>/dev/null");
            String replies = lab.exec("dir1", "sh", "-c", "tcpdump -q -r " + pcap + " -n 'src host " + VIP
                    + " and tcp src port 80' 2>/dev/null");
            String forwarded = lab.exec("dir1", "sh", "-c", "tcpdump -q -r " + pcap + " -n 'ether src 02:51:00:00:00:02"
                    + " and dst host " + VIP + " and tcp dst port 80' 2>/dev/null");
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
        Lab.Result table = lab.tryExec("dir1", 10, "nft", "list", "table", "ip", "lvsd_dr");
        assertNotEquals(0, table.exit(), "the nftables table outlived the forwarder: " + table.output());
        assertFalse(table.output().contains("drop"));
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
