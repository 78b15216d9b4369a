package org.lvsd.ipvs.userspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
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
        String skip = Lab.skipReason();
        if (skip != null) {
            System.out.println("NatLabIT skipped: " + skip);
        }
        assumeTrue(skip == null, skip);
        lab = Lab.up("fwn" + ProcessHandle.current().pid() % 100000);
        lab.exec("dir1", "ip", "addr", "add", VIP + "/32", "dev", "eth0");
        Nginx.start(lab, "rs1", RS1, dir, BIG);
        Nginx.start(lab, "rs2", RS2, dir, BIG);
    }

    @AfterAll
    static void down() throws Exception {
        if (lab != null) {
            lab.close();
        }
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
            assertTrue(Set.of("rs1 " + DIR1 + "\n", "rs2 " + DIR1 + "\n").contains(bodies.get(0)), bodies.toString());
            assertNotEquals(bodies.get(0), bodies.get(1));
            assertEquals(List.of(bodies.get(0), bodies.get(1), bodies.get(0), bodies.get(1)), bodies);
            String stats = f.command("stats");
            System.out.println(stats);
            assertEquals(2, conns(stats, RS1 + ":80"));
            assertEquals(2, conns(stats, RS2 + ":80"));
        }
    }
}
