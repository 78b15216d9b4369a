package org.lvsd.ipvs.userspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@link TunLabIT} and {@link TunIpv6LabIT} set up and check alike, for either family. */
final class TunnelChecks {
    private TunnelChecks() {
    }

    /**
     * Starts {@link IpipDecapsulator} for {@code address} (its family picks the tunnel) on
     * {@code host}'s eth0, writing into the TUN device {@code ipip0}, which it brings up.
     */
    static ForwarderProcess startEndpoint(Lab lab, String host, Path dir, String address) throws Exception {
        ForwarderProcess endpoint = ForwarderProcess.startMain(lab, host, dir, "-Xmx64m", IpipDecapsulator.class,
                "eth0", "ipip0", address);
        lab.exec(host, "ip", "link", "set", "ipip0", "up");
        return endpoint;
    }

    /**
     * Every line of {@code tunnelled} (tcpdump {@code -q} of the tunnel packets) matches
     * {@code line}, and each of {@code servers} got at least two requests' worth (5 packets each).
     */
    static void assertTunnelledToEach(String tunnelled, Collection<String> servers, Pattern line) {
        for (String rs : servers) {
            long toRs = tunnelled.lines().filter(l -> l.contains(" > " + rs + ": ")).count();
            assertTrue(toRs >= 2 * 5, "tunnelled packets to " + rs + " on dir1:\n" + tunnelled);
        }
        tunnelled.lines().forEach(l -> assertTrue(line.matcher(l).matches(), "not dir1 -> rs, client -> VIP:80: " + l));
    }

    /** Each {@link IpipDecapsulator} took tunnelled frames and rejected none. */
    static void assertDecapsulatedWithoutRejects(List<ForwarderProcess> endpoints) throws Exception {
        for (ForwarderProcess e : endpoints) {
            String counts = e.command("counts");
            assertTrue(counts.matches("decapsulated=([1-9]\\d+) rejected=0\n"), counts);
        }
    }

    /**
     * A bulk upload from the client through the tunnelling service of {@code rules} (VIP:5000 to
     * rs1) arrives whole at rs1: the client's TSO segments reach dir1 as 64 KiB super-segments,
     * which the path splits (its {@code segmented} counter grows, nothing is unsegmentable) before
     * it wraps them; the first ones, at the client's MSS for its own link, are one tunnel header
     * too big and answered with ICMP, after which the client's segments fit.
     */
    static void assertUploadArrivesWhole(Lab lab, Path dir, String rules, String vip) throws Exception {
        try (ForwarderProcess f = ForwarderProcess.start(lab, "dir1", dir, rules, "--route-interface", "eth0")) {
            // frames the ring had no room for in a burst are resent by TCP: only completeness counts
            assertEquals(8_000_000, lab.uploadToRs1(dir, vip, 8_000_000), f.command("dr"));
            String dr = f.command("dr");
            System.out.println(dr);
            Matcher m = Pattern.compile(" segmented=(\\d+) unsegmentable=0 ").matcher(dr);
            assertTrue(m.find() && Long.parseLong(m.group(1)) > 0, dr);
        }
    }
}
