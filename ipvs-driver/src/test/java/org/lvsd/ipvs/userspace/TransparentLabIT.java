package org.lvsd.ipvs.userspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.ipvs.userspace.Lab.CLIENT;
import static org.lvsd.ipvs.userspace.Lab.DIR1;
import static org.lvsd.ipvs.userspace.Lab.RS1;
import static org.lvsd.ipvs.userspace.Lab.RS2;
import static org.lvsd.ipvs.userspace.Lab.VIP;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forwarder with IP_TRANSPARENT in a lab: the servers see the client's address. Their replies
 * route back through dir1 (a host route on rs1/rs2), where policy routing delivers them locally
 * to the forwarder's transparent sockets. Needs root.
 */
class TransparentLabIT {
    @TempDir
    static Path dir;
    private static Lab lab;

    @BeforeAll
    static void up() throws Exception {
        lab = Lab.upWithVip(TransparentLabIT.class, "fwt");
        lab.exec("dir1", "sysctl", "-qw", "net.ipv4.conf.all.arp_announce=2");
        lab.exec("dir1", "sysctl", "-qw", "net.ipv4.conf.eth0.arp_announce=2");
        for (String rs : new String[] {RS1, RS2}) {
            lab.exec("dir1", "ip", "rule", "add", "from", rs, "lookup", "100");
        }
        lab.exec("dir1", "ip", "route", "add", "local", "0.0.0.0/0", "dev", "lo", "table", "100");
        for (String host : new String[] {"rs1", "rs2"}) {
            lab.exec(host, "ip", "route", "add", CLIENT + "/32", "via", DIR1);
        }
        Nginx.start(lab, "rs1", RS1, dir, 1);
        Nginx.start(lab, "rs2", RS2, dir, 1);
    }

    @AfterAll
    static void down() throws Exception {
        Lab.closeIfUp(lab);
    }

    @Test
    void serversSeeTheClientsAddress() throws Exception {
        String rules = """
                -A -t 198.51.100.100:80 -s rr
                -a -t 198.51.100.100:80 -r 198.51.100.21:80 -m -w 1
                -a -t 198.51.100.100:80 -r 198.51.100.22:80 -m -w 1
                """;
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules, "--transparent")) {
            String a = lab.exec("client", "curl", "-sS", "--max-time", "5", "http://" + VIP + "/");
            String b = lab.exec("client", "curl", "-sS", "--max-time", "5", "http://" + VIP + "/");
            assertTrue(a.equals("rs1 " + CLIENT + "\n") || a.equals("rs2 " + CLIENT + "\n"), a);
            String other = a.startsWith("rs1") ? "rs2" : "rs1";
            assertEquals(other + " " + CLIENT + "\n", b);
        }
    }
}
