package org.lvsd.ipvs.userspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.userspace.Lab.CLIENT;
import static org.lvsd.ipvs.userspace.Lab.DIR1;
import static org.lvsd.ipvs.userspace.Lab.RS1;
import static org.lvsd.ipvs.userspace.Lab.RS2;
import static org.lvsd.ipvs.userspace.Lab.VIP;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forwarder in dir1 of a lab, NAT toward nginx on rs1 and rs2, HTTP from the client to
 * VIP:80. Full NAT: the servers see dir1's address. Needs root.
 */
class NatLabIT {
    private static final int BIG = 1 << 20;
    private static final String RR = """
            -A -t 198.51.100.100:80 -s rr
            -a -t 198.51.100.100:80 -r 198.51.100.21:80 -m -w 1
            -a -t 198.51.100.100:80 -r 198.51.100.22:80 -m -w 1
            """;

    @TempDir
    static Path dir;
    private static Lab lab;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.upWithVip(NatLabIT.class, "fwn");
        Nginx.start(lab, "rs1", RS1, dir, BIG);
        Nginx.start(lab, "rs2", RS2, dir, BIG);
    }

    @AfterAll
    static void down() throws Exception {
        Lab.closeIfUp(lab);
    }

    private static String get(String path, String... curlOptions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10"));
        cmd.addAll(List.of(curlOptions));
        cmd.add("http://" + VIP + path);
        return lab.exec("client", cmd.toArray(String[]::new));
    }

    /** The Conns column of a destination's line in {@code ipvsadm -Ln --stats}. */
    private static long conns(String statsListing, String server) {
        for (String line : statsListing.split("\n")) {
            String[] t = line.trim().split(" +");
            if (t.length > 2 && t[0].equals("->") && t[1].equals(server)) {
                return Long.parseLong(t[2]);
            }
        }
        throw new AssertionError(server + " not in\n" + statsListing);
    }

    @Test
    void fullNatRoundRobinWithStatistics() throws Exception {
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, RR)) {
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                bodies.add(get("/"));
            }
            Lab.assertRoundRobin(bodies, DIR1);
            String stats = f.command("stats");
            System.out.println(stats);
            assertEquals(2, conns(stats, RS1 + ":80"));
            assertEquals(2, conns(stats, RS2 + ":80"));
        }
    }

    @Test
    void persistenceKeepsAClientAndSpreadsAnotherSource() throws Exception {
        String rules = """
                -A -t 198.51.100.100:80 -s rr -p 300
                -a -t 198.51.100.100:80 -r 198.51.100.21:80 -m -w 1
                -a -t 198.51.100.100:80 -r 198.51.100.22:80 -m -w 1
                """;
        lab.exec("client", "ip", "addr", "replace", "198.51.100.11/24", "dev", "eth0");
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules)) {
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                first.add(get("/", "--interface", CLIENT));
                second.add(get("/", "--interface", "198.51.100.11"));
            }
            assertEquals(List.of(first.get(0), first.get(0), first.get(0)), first);
            assertEquals(List.of(second.get(0), second.get(0), second.get(0)), second);
            assertNotEquals(first.get(0), second.get(0));
            String conn = f.command("conn");
            // one persistence template (client port 0, ASSURED by an established connection) per client
            String rsFirst = first.get(0).startsWith("rs1") ? RS1 : RS2;
            String rsSecond = second.get(0).startsWith("rs1") ? RS1 : RS2;
            List<String> templates = conn.lines().filter(l -> l.split(" +").length > 3 && l.split(" +")[3].endsWith(":0"))
                    .map(l -> String.join(" ", List.of(l.split(" +")).subList(2, 6))).sorted().toList();
            assertEquals(List.of("ASSURED 198.51.100.10:0 198.51.100.100:80 " + rsFirst + ":80",
                    "ASSURED 198.51.100.11:0 198.51.100.100:80 " + rsSecond + ":80"), templates, conn);
        } finally {
            lab.exec("client", "ip", "addr", "del", "198.51.100.11/24", "dev", "eth0");
        }
    }

    @Test
    void removedServerFinishesItsLongDownload() throws Exception {
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, RR)) {
            Path out = dir.resolve("download.txt");
            Process download = lab.spawn("client", out, "curl", "-sS", "--max-time", "30", "--limit-rate", "256k",
                    "-o", "/dev/null", "-w", "%{http_code} %{size_download}", "http://" + VIP + "/big");
            String server = null;
            for (int i = 0; i < 100 && server == null; i++) {
                String conn = f.command("conn");
                if (conn.contains(RS1 + ":80")) {
                    server = RS1;
                } else if (conn.contains(RS2 + ":80")) {
                    server = RS2;
                } else {
                    Thread.sleep(50);
                }
            }
            assertTrue(server != null, "the download never showed up in the connection table");
            assertEquals("ok\n", f.command("apply -d -t 198.51.100.100:80 -r " + server + ":80"));
            String other = server.equals(RS1) ? "rs2" : "rs1";
            for (int i = 0; i < 3; i++) {
                assertEquals(other + " " + DIR1 + "\n", get("/"));
            }
            assertTrue(download.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "download hung");
            assertEquals("200 " + BIG, java.nio.file.Files.readString(out).trim());
            assertEquals(0, download.exitValue());
        }
    }

    @Test
    void udpFlowsSpreadAndAnswerFromTheVip() throws Exception {
        String rules = """
                -A -u 198.51.100.100:53 -s rr
                -a -u 198.51.100.100:53 -r 198.51.100.21:9053 -m -w 1
                -a -u 198.51.100.100:53 -r 198.51.100.22:9053 -m -w 1
                """;
        String cp = System.getProperty("java.class.path");
        lab.spawn("rs1", dir.resolve("udp-rs1.log"), "java", "-cp", cp, LabUdpEcho.class.getName(), RS1, "9053", "rs1");
        lab.spawn("rs2", dir.resolve("udp-rs2.log"), "java", "-cp", cp, LabUdpEcho.class.getName(), RS2, "9053", "rs2");
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules)) {
            Set<String> answers = new java.util.HashSet<>();
            for (int i = 0; i < 2; i++) {
                String answer = "";
                for (int attempt = 0; attempt < 20 && answer.isEmpty(); attempt++) {
                    // a connected UDP socket only takes datagrams from VIP:53 (the forwarder's source)
                    answer = lab.tryExec("client", 10, "bash", "-c",
                            "exec 3<>/dev/udp/198.51.100.100/53; printf hi >&3; read -t 1 -N 6 r <&3; printf %s \"$r\"")
                            .output();
                }
                answers.add(answer);
            }
            assertEquals(Set.of("rs1:hi", "rs2:hi"), answers);
            String stats = f.command("stats");
            assertEquals(1, conns(stats, RS1 + ":9053"));
            assertEquals(1, conns(stats, RS2 + ":9053"));
        }
    }

    @Test
    void deadDestinationFailsFastAndIsCounted() throws Exception {
        String rules = """
                -A -t 198.51.100.100:80 -s rr
                -a -t 198.51.100.100:80 -r 198.51.100.23:80 -m -w 1
                """;
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules, "--connect-timeout-ms", "1000")) {
            long t0 = System.nanoTime();
            Lab.Result r = lab.tryExec("client", 10, "curl", "-sS", "--max-time", "8", "http://" + VIP + "/");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(r.exit() == 52 || r.exit() == 56, "curl exit " + r.exit() + ": " + r.output());
            assertTrue(ms < 3000, "took " + ms + " ms");
            assertTrue(f.command("counters").contains("server=198.51.100.23:80]=1"), f.command("counters"));
        }
    }

    @Test
    void aBackupBindsTheVipBeforeItArrives() throws Exception {
        String rules = """
                -A -t 198.51.100.101:80 -s rr
                -a -t 198.51.100.101:80 -r 198.51.100.21:80 -m -w 1
                """;
        // dir2 does not hold 198.51.100.101 yet: IP_FREEBIND lets the forwarder bind it anyway
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir2", dir, rules)) {
            lab.exec("dir2", "ip", "addr", "add", "198.51.100.101/32", "dev", "eth0");
            assertEquals("rs1 198.51.100.3\n",
                    lab.exec("client", "curl", "-sS", "--max-time", "5", "http://198.51.100.101/"));
        } finally {
            lab.tryExec("dir2", 10, "ip", "addr", "del", "198.51.100.101/32", "dev", "eth0");
        }
    }
}
