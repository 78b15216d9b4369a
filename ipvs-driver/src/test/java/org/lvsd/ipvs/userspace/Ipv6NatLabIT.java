package org.lvsd.ipvs.userspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.userspace.Lab.VIP6;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full NAT over IPv6 (2001:db8::/64) from the client through [2001:db8::100]:80 on dir1. Needs root. */
class Ipv6NatLabIT {
    @TempDir
    static Path dir;
    private static Lab lab;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.upWithVip6(Ipv6NatLabIT.class, "fw6");
        Nginx.start(lab, "rs1", "2001:db8::21", dir, 1);
        Nginx.start(lab, "rs2", "2001:db8::22", dir, 1);
    }

    @AfterAll
    static void down() throws Exception {
        Lab.closeIfUp(lab);
    }

    @Test
    void roundRobinOverIpv6() throws Exception {
        String rules = """
                -A -t [2001:db8::100]:80 -s rr
                -a -t [2001:db8::100]:80 -r [2001:db8::21]:80 -m -w 1
                -a -t [2001:db8::100]:80 -r [2001:db8::22]:80 -m -w 1
                """;
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules)) {
            String a = lab.exec("client", "curl", "-gsS", "--max-time", "5", "http://[" + VIP6 + "]/");
            String b = lab.exec("client", "curl", "-gsS", "--max-time", "5", "http://[" + VIP6 + "]/");
            assertTrue(a.equals("rs1 2001:db8::2\n") || a.equals("rs2 2001:db8::2\n"), a);
            assertEquals((a.startsWith("rs1") ? "rs2" : "rs1") + " 2001:db8::2\n", b);
            assertTrue(f.command("list").contains("TCP  [2001:db8::100]:80 rr"), f.command("list"));
        }
    }
}
