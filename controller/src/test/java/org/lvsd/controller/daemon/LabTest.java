package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the lab ITs: makes the lab (skipped with a printed reason without root), two
 * directors, a capture on the bridge; tears everything down.
 */
abstract class LabTest {

    protected Lab lab;
    protected Path dir;
    protected final List<Director> directors = new ArrayList<>();
    protected Child capture;

    protected void lab(String name, boolean ipv6, boolean needsKeepalived) throws IOException {
        String reason = Lab.unavailableReason();
        if (reason == null && needsKeepalived && !Files.isExecutable(Path.of("/usr/sbin/keepalived"))) {
            reason = "keepalived is not installed (Debian package keepalived)";
        }
        if (reason != null) {
            System.out.println(getClass().getSimpleName() + " skipped: " + reason);
        }
        assumeTrue(reason == null, reason);
        lab = new Lab(name, ipv6);
        dir = Files.createTempDirectory("lvsdit");
    }

    protected Director director(Director.Kind kind, String host) {
        Director d = new Director(lab, kind, host, dir);
        directors.add(d);
        return d;
    }

    /** The two directors of {@link #lvsdPair}. */
    protected record Pair(Director dir1, Director dir2) {
    }

    /**
     * lvsd in dir1 with {@code conf} of priority 150, MASTER, then in dir2 with priority 100,
     * started; returns once dir1 alone holds {@code vip} (each step bounded by {@code start}).
     */
    protected Pair lvsdPair(IntFunction<String> conf, String vip, Duration start) throws IOException {
        Director dir1 = director(Director.Kind.LVSD, "dir1");
        Director dir2 = director(Director.Kind.LVSD, "dir2");
        dir1.start(conf.apply(150));
        dir1.awaitEntered(start, "BACKUP", "MASTER");
        dir2.start(conf.apply(100));
        dir2.current().await(l -> l.contains("lvsd started"), start);
        awaitSoleOwner("dir1", "dir2", vip, start);
        return new Pair(dir1, dir2);
    }

    /**
     * lvsd in dir1 with {@code conf} (one virtual service, {@code lvs_driver userspace}): MASTER
     * and its table up, each bounded by {@code start}.
     */
    protected Director lvsdService(String conf, Duration start) throws IOException {
        Director dir1 = director(Director.Kind.LVSD, "dir1");
        dir1.start(conf);
        dir1.awaitEntered(start, "BACKUP", "MASTER");
        dir1.current().await(l -> l.contains("LVS started: driver userspace (UserspaceIpvsDriver), "
                + "1 virtual service(s)"), start);
        return dir1;
    }

    /** tcpdump on the bridge: ARP and ICMPv6 with MACs, no timestamps (lines start with the source MAC). */
    protected void startCapture() throws IOException {
        capture = lab.start("tcpdump", "lan", List.of("tcpdump", "-l", "-t", "-n", "-e", "-i", "br0", "arp or icmp6"));
        capture.await(l -> l.contains("listening on"), Duration.ofSeconds(10));
    }

    /**
     * Waits until {@code owner} alone holds {@code vip} and the client's ARP / ND for it is
     * answered by {@code owner}'s MAC.
     */
    protected void awaitSoleOwner(String owner, String other, String vip, Duration atMost) {
        String[] last = {""};
        try {
            Awaitility.await(owner + " owns " + vip).atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
                boolean mine = lab.hasVip(owner, vip);
                boolean theirs = lab.hasVip(other, vip);
                Optional<String> mac = mine && !theirs ? lab.answerFor(vip) : Optional.empty();
                last[0] = owner + " has VIP " + mine + ", " + other + " has VIP " + theirs + ", answer " + mac;
                return mac.equals(Optional.of(Lab.mac(owner)));
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(last[0] + "\n" + dumps(), e);
        }
    }

    protected String dumps() {
        StringBuilder b = new StringBuilder();
        directors.forEach(d -> b.append(d.dump()));
        if (capture != null) {
            b.append(capture.dump());
        }
        return b.toString();
    }

    @AfterEach
    void tearDown() throws IOException, InterruptedException {
        for (Director d : directors) {
            d.kill();
        }
        if (capture != null) {
            capture.kill();
        }
        if (lab != null) {
            lab.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
