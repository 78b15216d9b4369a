package org.lvsd.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** lvs-realserver in a namespace of the test's own: sets exactly, undoes exactly, idempotent, LSB status. */
class RealServerIT extends RealServerFixture {

    private static final String SYSCTLS_SET = String.join("\n",
            "net.ipv4.conf.all.arp_ignore = 1",
            "net.ipv4.conf.all.arp_announce = 2",
            "net.ipv4.conf.lo.arp_ignore = 1",
            "net.ipv4.conf.lo.arp_announce = 2", "");

    @BeforeEach
    void namespace() {
        Netns.assumeRoot("RealServerIT");
        ns = Netns.create("lvsrs");
        // values other than the kernel's defaults, to see that stop restores these exactly
        ns.ok("sysctl", "-q", "-w", "net.ipv4.conf.all.arp_announce=1", "net.ipv4.conf.lo.arp_ignore=2");
    }

    @Test
    void startSetsExactlyTheVipAndTheFourSysctls() {
        String before = snapshot();

        assertEquals(new Command.Result(0, "", ""), realServer("start", VIP));

        List<String> expected = new ArrayList<>(before.lines().toList());
        expected.replaceAll(l -> l.replace("all/arp_announce=1", "all/arp_announce=2")
                .replace("all/arp_ignore=0", "all/arp_ignore=1")
                .replace("lo/arp_ignore=2", "lo/arp_ignore=1")
                .replace("lo/arp_announce=0", "lo/arp_announce=2"));
        expected.add(expected.indexOf("inet 127.0.0.1/8") + 1, "inet " + VIP + "/32");
        expected.add("local " + VIP + " dev lo proto kernel scope host src " + VIP);
        assertEquals(String.join("\n", expected.stream().sorted().toList()),
                String.join("\n", snapshot().lines().sorted().toList()));
    }

    @Test
    void stopRestoresEverythingExactly() {
        String before = snapshot();
        assertEquals(0, realServer("start", VIP).exitCode());

        assertEquals(new Command.Result(0, "", ""), realServer("stop", VIP));

        assertEquals(before, snapshot());
    }

    @Test
    void startAndStopAreIdempotent() {
        String before = snapshot();
        assertEquals(0, realServer("start", VIP).exitCode());
        String started = snapshot();

        assertEquals(new Command.Result(0, "", ""), realServer("start", VIP));
        assertEquals(started, snapshot());

        assertEquals(0, realServer("stop", VIP).exitCode());
        assertEquals(new Command.Result(0, "", ""), realServer("stop", VIP));
        assertEquals(before, snapshot());
    }

    @Test
    void theSysctlsComeBackOnlyWithTheLastVip() {
        String before = snapshot();
        assertEquals(0, realServer("start", VIP, VIP2).exitCode());

        assertEquals(0, realServer("stop", VIP).exitCode());
        assertEquals(new Command.Result(0, VIP2 + "/32 on lo\n" + SYSCTLS_SET, ""), realServer("status"));

        assertEquals(0, realServer("stop", VIP2).exitCode());
        assertEquals(before, snapshot());
    }

    @Test
    void parallelInstancesNeitherLoseTheSavedValuesNorLeaveTheSysctlsSet() {
        String before = snapshot();
        String script = Built.module().resolve("bin/lvs-realserver").toString();
        // what two lvs-realserver@ instances do at boot and at shutdown; without the lock
        // about 4 rounds in 10 end with the sysctls still set or the saved values lost
        String both = "\"$0\" $1 " + VIP + " & a=$!; \"$0\" $1 " + VIP2 + " & b=$!; "
                + "wait $a && wait $b";
        for (int round = 0; round < 10; round++) {
            assertEquals(0, ns.exec(Map.of("LVS_REALSERVER_STATE", state.toString()),
                    "sh", "-c", both, script, "start").exitCode());
            assertEquals(new Command.Result(0, VIP + "/32 on lo\n" + VIP2 + "/32 on lo\n" + SYSCTLS_SET, ""),
                    realServer("status", VIP, VIP2));
            assertEquals(0, ns.exec(Map.of("LVS_REALSERVER_STATE", state.toString()),
                    "sh", "-c", both, script, "stop").exitCode());
            assertEquals(before, snapshot(), "round " + round);
        }
    }

    @Test
    void aVipThatWasOnLoBeforeStaysAfterStop() {
        ns.ok("ip", "addr", "add", VIP + "/32", "dev", "lo");
        String before = snapshot();

        assertEquals(0, realServer("start", VIP).exitCode());
        assertEquals(0, realServer("stop", VIP).exitCode());

        assertEquals(before, snapshot());
    }

    @Test
    void statusExitsZeroOnlyWhileConfigured() {
        assertEquals(new Command.Result(3, String.join("\n",
                VIP + "/32 not on lo",
                "net.ipv4.conf.all.arp_ignore = 0 (want 1)",
                "net.ipv4.conf.all.arp_announce = 1 (want 2)",
                "net.ipv4.conf.lo.arp_ignore = 2 (want 1)",
                "net.ipv4.conf.lo.arp_announce = 0 (want 2)", ""), ""), realServer("status", VIP));

        assertEquals(0, realServer("start", VIP).exitCode());
        assertEquals(new Command.Result(0, VIP + "/32 on lo\n" + SYSCTLS_SET, ""), realServer("status", VIP));
        assertEquals(new Command.Result(0, VIP + "/32 on lo\n" + SYSCTLS_SET, ""), realServer("status"));

        ns.ok("sysctl", "-q", "-w", "net.ipv4.conf.lo.arp_announce=0");
        Command.Result drifted = realServer("status", VIP);
        assertEquals(3, drifted.exitCode());
        assertEquals("net.ipv4.conf.lo.arp_announce = 0 (want 2)", drifted.out().lines().toList().get(4));

        assertEquals(0, realServer("stop", VIP).exitCode());
        assertEquals(3, realServer("status").exitCode());
        assertEquals("no VIP started", realServer("status").out().lines().findFirst().orElseThrow());
    }

    @Test
    void statusNeedsNoStateDirectory() {
        Command.Result r = ns.exec(Map.of("LVS_REALSERVER_STATE", state.resolve("missing/never").toString()),
                Built.module().resolve("bin/lvs-realserver").toString(), "status");
        assertEquals(3, r.exitCode(), r.describe());
        assertEquals("no VIP started", r.out().lines().findFirst().orElseThrow());
        assertEquals("", r.err());
        assertEquals(false, state.resolve("missing").toFile().exists());
    }

    @Test
    void anIpv6VipGoesOnLoAsA128() {
        String before = snapshot();

        assertEquals(0, realServer("start", "2001:db8::100").exitCode());
        assertEquals(true, ns.ok("ip", "-o", "-6", "addr", "show", "dev", "lo").contains("inet6 2001:db8::100/128"));
        assertEquals(0, realServer("status", "2001:db8::100").exitCode());

        assertEquals(0, realServer("stop", "2001:db8::100").exitCode());
        assertEquals(before, snapshot());
    }

    @Test
    void wrongArgumentsExitTwoAndChangeNothing() {
        String before = snapshot();
        for (List<String> args : List.of(List.of("start"), List.of("stop"), List.of("restart", VIP),
                List.of("start", "198.51.100.256"), List.of("start", "198.51.100"), List.of("start", VIP + "/24"),
                List.of("start", VIP, "lo"))) {
            Command.Result r = realServer(args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), args + ": " + r.describe());
            assertNotEquals("", r.err(), args.toString());
        }
        assertEquals(before, snapshot());
    }

    /** lo's addresses, the local routing table and the four ARP sysctls, one per line. */
    private String snapshot() {
        StringBuilder s = new StringBuilder();
        for (String line : ns.ok("ip", "-o", "addr", "show", "dev", "lo").split("\n")) {
            String[] f = line.trim().split("\\s+");
            s.append(f[2]).append(' ').append(f[3]).append('\n');
        }
        s.append(ns.ok("ip", "route", "show", "table", "local").replaceAll(" +\n", "\n"));
        for (String key : List.of("all/arp_ignore", "all/arp_announce", "lo/arp_ignore", "lo/arp_announce")) {
            s.append(key).append('=').append(ns.ok("cat", "/proc/sys/net/ipv4/conf/" + key).strip()).append('\n');
        }
        return s.toString();
    }
}
