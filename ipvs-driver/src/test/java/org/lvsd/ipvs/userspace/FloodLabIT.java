package org.lvsd.ipvs.userspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.userspace.Lab.DIR1;
import static org.lvsd.ipvs.userspace.Lab.RS1;
import static org.lvsd.ipvs.userspace.Lab.RS2;
import static org.lvsd.ipvs.userspace.Lab.VIP;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2,000 slowloris connections (opened, never sending) against the forwarder in a lab: its file
 * descriptors stay bounded and under the limit, and the service keeps answering. Needs root.
 */
class FloodLabIT {
    private static final int SLOW = 2000;
    private static final int FD_LIMIT = 20000;
    private static final Pattern OPEN = Pattern.compile("openConnections=(\\d+)");

    @TempDir
    static Path dir;
    private static Lab lab;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.upWithVip(FloodLabIT.class, "fwf");
        Nginx.start(lab, "rs1", RS1, dir, 1);
        Nginx.start(lab, "rs2", RS2, dir, 1);
    }

    @AfterAll
    static void down() throws Exception {
        Lab.closeIfUp(lab);
    }

    private static int open(ForwarderProcess f) throws Exception {
        Matcher m = OPEN.matcher(f.command("counters"));
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void slowlorisConnectionsStayBoundedAndTheServiceAnswers() throws Exception {
        String rules = """
                -A -t 198.51.100.100:80 -s rr
                -a -t 198.51.100.100:80 -r 198.51.100.21:80 -m -w 1
                -a -t 198.51.100.100:80 -r 198.51.100.22:80 -m -w 1
                """;
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules)) {
            int idleSockets = f.openSockets();
            Process slow = lab.spawnInteractive("client", dir.resolve("slow.log"), "java", "-cp",
                    System.getProperty("java.class.path"), LabSlowClients.class.getName(), VIP, "80",
                    Integer.toString(SLOW));
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(slow.getInputStream(),
                        StandardCharsets.UTF_8));
                assertEquals("open " + SLOW + " failed 0", out.readLine(), () -> read(dir.resolve("slow.log")));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (open(f) < SLOW && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(SLOW, open(f));
                int sockets = f.openSockets();
                System.out.printf("forwarder sockets: %d idle, %d with %d slow connections; VmRSS %s%n", idleSockets, sockets,
                        SLOW, rss(f.pid()));
                assertTrue(sockets <= idleSockets + 2 * SLOW + 50, "sockets " + sockets);
                assertTrue(sockets < FD_LIMIT, "sockets " + sockets);
                String body = lab.exec("client", "curl", "-sS", "--max-time", "5", "http://" + VIP + "/");
                assertTrue(body.equals("rs1 " + DIR1 + "\n") || body.equals("rs2 " + DIR1 + "\n"), body);
            } finally {
                slow.getOutputStream().close();
                slow.waitFor(20, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (open(f) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(0, open(f));
            assertTrue(f.openSockets() <= idleSockets + 10, "sockets leaked: " + f.openSockets() + " vs " + idleSockets);
        }
    }

    private static String rss(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("VmRSS")).map(l -> l.substring(6).trim()).findFirst().orElse("?");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void synFloodNeverReachesTheForwarderAndTheServiceAnswers() throws Exception {
        String rules = """
                -A -t 198.51.100.100:80 -s rr
                -a -t 198.51.100.100:80 -r 198.51.100.21:80 -m -w 1
                """;
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules)) {
            int idleSockets = f.openSockets();
            Lab.Result flood = lab.tryExec("client", 60, "java", "-cp", System.getProperty("java.class.path"),
                    LabSynFlood.class.getName(), "eth0", "02:51:00:00:00:02", VIP, "80", "2000");
            assertTrue(flood.output().contains("sent 2000"), flood.output());
            long halfOpen = lab.exec("dir1", "ss", "-Htn", "state", "syn-recv", "sport = :80").lines().count();
            System.out.println("half-open connections on dir1 after the flood: " + halfOpen);
            assertTrue(halfOpen >= 1000, "the flood did not reach dir1: " + halfOpen);
            String body = lab.exec("client", "curl", "-sS", "--max-time", "5", "http://" + VIP + "/");
            assertEquals("rs1 " + DIR1 + "\n", body);
            // half-open handshakes stay in the director's kernel (SYN backlog, syncookies): only curl's was
            // accepted, and it ends
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (open(f) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(0, open(f));
            assertTrue(f.openSockets() <= idleSockets + 10, "sockets " + f.openSockets() + " vs " + idleSockets);
            assertTrue(f.command("stats").contains("TCP  198.51.100.100:80                   1 "), f.command("stats"));
        }
    }
}
