package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole system under client load: two lvsd directors (dir1 priority 150, dir2 100, VRRP v2 at
 * 1 s, {@code lvs_driver userspace}, {@code lb_kind DR}, HTTP_GET every second) in front of busybox
 * httpd on rs1 and rs2 (VIP on lo, ARP suppressed), and a client sending one request at a time
 * through the VIP, each recorded with its times and the server that answered.
 * <ul>
 * <li>rs1's web server killed: both directors drop it within delay_loop x (retry + 1) +
 * connect_timeout (4 s) plus slack, and no SYN for the VIP reaches rs1 after dir1 dropped it; it
 * comes back when it serves again;</li>
 * <li>dir1 crashed (every process SIGKILLed, link down): dir2 takes over and serves; the client's
 * errors all fall inside the two windows (rs1's detection, the failover bounded by
 * Master_Down_Interval 3.61 s plus slack);</li>
 * <li>direct routing: dir1's eth0 saw the client's SYNs to VIP:80 and no packet from VIP:80.</li>
 * </ul>
 */
class LvsdDrSystemIT extends LabTest {

    private static final Duration START = Duration.ofSeconds(40);
    /** delay_loop 1 x (retry 1 + 1) + connect_timeout 2 = 4 s, plus 3 s slack for a loaded machine. */
    private static final Duration HEALTH = Duration.ofSeconds(7);
    /** Master_Down_Interval = 3 x 1 s + (256 - 100) / 256 s = 3.61 s, plus 3 s slack (curl's 1 s connect timeout included). */
    private static final Duration FAILOVER = Duration.ofMillis(3_610 + 3_000);
    private static final Pattern LOG_TIME = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z) ");
    private static final String RS1_DROPPED = "ipvsadm -d -t 198.51.100.100:80 -r 198.51.100.21:80";
    private static final String RS1_ADDED = "ipvsadm -a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1";

    private final List<Child> servers = new ArrayList<>();
    private ClientLoop client;

    @Test
    void realServerAndMasterFailuresUnderLoadCostRequestsOnlyInsideTheirWindows() throws Exception {
        lab("lvsdr", false, false);
        Child rs1 = webServer("rs1");
        webServer("rs2");
        Director dir1 = director(Director.Kind.LVSD, "dir1");
        Director dir2 = director(Director.Kind.LVSD, "dir2");
        dir1.start(conf(150));
        dir2.start(conf(100));
        dir1.awaitEntered(START, "BACKUP", "MASTER");
        for (Director d : List.of(dir1, dir2)) {
            // a check may time out while the JVMs warm up: wait for both servers to be in the table
            awaitTable(d, START, true, true);
        }
        awaitSoleOwner("dir1", "dir2", Lab.VIP, START);
        Child capture = lab.start("tcpdump-dir1", "dir1", List.of("tcpdump", "-l", "-n", "-i", "eth0",
                "tcp port 80 and host " + Lab.VIP));
        Child rs1Syns = lab.start("tcpdump-rs1", "rs1", List.of("tcpdump", "-l", "-n", "-p", "-e", "-tt", "-i", "eth0",
                "dst host " + Lab.VIP + " and tcp dst port 80 and tcp[tcpflags] & tcp-syn != 0"));
        capture.await(l -> l.contains("listening on"), Duration.ofSeconds(10));
        rs1Syns.await(l -> l.contains("listening on"), Duration.ofSeconds(10));

        client = new ClientLoop(lab, Duration.ofSeconds(150));
        awaitServed("rs1", Instant.now(), Duration.ofSeconds(10));
        awaitServed("rs2", Instant.now(), Duration.ofSeconds(10));

        // a real server fails
        Instant rs1Killed = Instant.now();
        rs1.kill();
        Instant dropped = null;
        for (Director d : List.of(dir1, dir2)) {
            d.current().await(l -> l.endsWith(RS1_DROPPED) && logTime(l).isAfter(rs1Killed), HEALTH);
            Instant at = logTime(d, RS1_DROPPED).orElseThrow();
            assertTrue(Duration.between(rs1Killed, at).compareTo(HEALTH) <= 0,
                    d.host() + " dropped rs1 " + Duration.between(rs1Killed, at) + " after it stopped\n" + dumps());
            dropped = d == dir1 ? at : dropped;
        }
        Thread.sleep(2_000);
        Instant dropSeen = dropped;
        List<String> lateSyns = rs1Syns.lines().stream().filter(l -> l.matches("^\\d+\\.\\d+ .*"))
                .filter(l -> Instant.ofEpochMilli((long) (Double.parseDouble(l.split(" ")[0]) * 1000))
                        .isAfter(dropSeen.plusMillis(100)))
                .toList();
        assertEquals(List.of(), lateSyns, "SYNs reached rs1 after dir1 dropped it at " + dropSeen + "\n" + dumps());
        Instant rs1Window = dropped.plusMillis(100);
        assertTrue(client.since(rs1Window).stream().allMatch(r -> r.answer().equals("rs2")),
                "after rs1 left the table: " + client.since(rs1Window));

        // ... and comes back
        Instant rs1Back = Instant.now();
        webServer("rs1");
        dir1.current().await(l -> l.endsWith(RS1_ADDED) && logTime(l).isAfter(rs1Back), HEALTH);
        awaitServed("rs1", rs1Back, HEALTH);

        // the master crashes
        Thread.sleep(1_000);
        List<String> dir2Before = dir2.entered();
        assertEquals("BACKUP", dir2Before.get(dir2Before.size() - 1), dumps());
        Instant crashed = Instant.now();
        dir1.crash();
        Instant dead = Instant.now();
        List<String> dir2After = new ArrayList<>(dir2Before);
        dir2After.add("MASTER");
        dir2.awaitEntered(FAILOVER, dir2After.toArray(String[]::new));
        awaitServed("rs1", crashed, FAILOVER.plusSeconds(10));
        awaitServed("rs2", crashed, FAILOVER.plusSeconds(10));
        Instant end = Instant.now();
        client.stop();

        List<ClientLoop.Request> failures = client.all().stream().filter(r -> !r.ok()).toList();
        for (ClientLoop.Request f : failures) {
            // a request in flight when the server or the master died may fail too
            boolean inRs1Window = !f.ended().isBefore(rs1Killed) && f.started().isBefore(rs1Window);
            boolean inFailover = !f.ended().isBefore(crashed) && f.started().isBefore(crashed.plus(FAILOVER));
            assertTrue(inRs1Window || inFailover, "request failed outside the windows (rs1 " + rs1Killed + " .. "
                    + rs1Window + ", failover " + crashed + " .. " + crashed.plus(FAILOVER) + "): " + f
                    + "\nall failures: " + failures);
        }
        // crash() takes a moment: a request started before it returned may still have been served by dir1
        Optional<ClientLoop.Request> firstOk = client.since(dead).stream().filter(ClientLoop.Request::ok).findFirst();
        assertTrue(firstOk.isPresent() && firstOk.get().ended().isBefore(crashed.plus(FAILOVER)),
                "first success after the crash: " + firstOk);
        System.out.printf("LvsdDrSystemIT: rs1 dropped %d ms after its server stopped; client outage after the "
                + "master crash %d ms; %d requests, %d failed, until %s%n",
                Duration.between(rs1Killed, dropped).toMillis(),
                Duration.between(crashed, firstOk.get().ended()).toMillis(), client.all().size(), failures.size(), end);

        // direct routing: the master saw the requests but never a reply
        List<String> seen = capture.lines();
        assertTrue(seen.stream().filter(l -> l.contains(" > " + Lab.VIP + ".80: Flags [S]")).count() >= 10,
                "client SYNs on dir1's eth0:\n" + String.join("\n", seen));
        assertEquals(List.of(), seen.stream().filter(l -> l.contains(" IP " + Lab.VIP + ".80 > ")).toList(),
                "replies crossed the director");
    }

    @AfterEach
    void stopClientAndServers() throws InterruptedException {
        if (client != null) {
            client.stop();
        }
        for (Child c : servers) {
            c.kill();
        }
    }

    /** Waits until a request started at or after {@code from} was answered by {@code server}. */
    private void awaitServed(String server, Instant from, Duration atMost) {
        try {
            Awaitility.await(server + " serves").atMost(atMost).pollInterval(Duration.ofMillis(50))
                    .until(() -> client.since(from).stream().anyMatch(r -> r.answer().equals(server)));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(server + " did not answer since " + from + ": " + client.since(from)
                    + "\n" + dumps(), e);
        }
    }

    /** busybox httpd answering "HOST\n" on every address of HOST, the VIP on lo (ARP suppressed). */
    private Child webServer(String host) throws IOException {
        Path www = Files.createDirectories(dir.resolve("www-" + host));
        Files.writeString(www.resolve("index.html"), host + "\n");
        // idempotent: a restarted server finds its VIP in place
        Path helper = Lab.script().getParent().getParent().resolve("bin/lvs-realserver");
        lab.execOk(host, "env", "LVS_REALSERVER_STATE=" + dir.resolve("state-" + host), helper.toString(),
                "start", Lab.VIP);
        Child c = lab.start("httpd-" + host, host, List.of("busybox", "httpd", "-f", "-p", "80", "-h", www.toString()));
        servers.add(c);
        String address = host.equals("rs1") ? "198.51.100.21" : "198.51.100.22";
        try {
            Awaitility.await(host + " serves").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> lab.exec("client", "curl", "-s", "--max-time", "1", "http://" + address + "/")
                            .equals(host + "\n"));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(host + " httpd did not start\n" + c.dump(), e);
        }
        return c;
    }

    private static String conf(int priority) {
        String check = """
                        HTTP_GET {
                            url {
                                path /
                                status_code 200
                            }
                            connect_timeout 2
                            retry 1
                            delay_before_retry 1
                        }
                """;
        return """
                global_defs {
                    lvs_driver userspace
                }
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        198.51.100.100/24
                    }
                }
                virtual_server 198.51.100.100 80 {
                    delay_loop 1
                    lb_algo rr
                    lb_kind DR
                    protocol TCP
                    real_server 198.51.100.21 80 {
                        weight 1
                %s    }
                    real_server 198.51.100.22 80 {
                        weight 1
                %s    }
                }
                """.formatted(priority, check, check);
    }

    /** Waits until the last table change the director logged for rs1 and rs2 is an add ({@code true}) or a delete. */
    private void awaitTable(Director d, Duration atMost, boolean rs1, boolean rs2) {
        try {
            Awaitility.await(d.host() + " table").atMost(atMost).pollInterval(Duration.ofMillis(100))
                    .until(() -> inTable(d, "198.51.100.21:80") == rs1 && inTable(d, "198.51.100.22:80") == rs2);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(d.host() + " table not rs1 " + rs1 + " rs2 " + rs2 + "\n" + dumps(), e);
        }
    }

    private static boolean inTable(Director d, String server) {
        List<String> lines = d.current().lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (l.contains("ipvsadm -a -t 198.51.100.100:80 -r " + server + " ")) {
                return true;
            }
            if (l.endsWith("ipvsadm -d -t 198.51.100.100:80 -r " + server)) {
                return false;
            }
        }
        return false;
    }

    /** When the director's current run logged a line ending with {@code suffix} (its last such line). */
    private static Optional<Instant> logTime(Director d, String suffix) {
        List<String> lines = d.current().lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).endsWith(suffix)) {
                return Optional.of(logTime(lines.get(i)));
            }
        }
        return Optional.empty();
    }

    private static Instant logTime(String line) {
        Matcher m = LOG_TIME.matcher(line);
        return m.find() ? Instant.parse(m.group(1)) : Instant.EPOCH;
    }
}
