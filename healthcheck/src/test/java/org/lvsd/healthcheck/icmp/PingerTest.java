package org.lvsd.healthcheck.icmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Echo over loopback, through whichever socket kind this process may open. */
class PingerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() throws InterruptedException {
        timer.shutdownNow();
        assertTrue(timer.awaitTermination(5, TimeUnit.SECONDS));
    }

    private static EchoResult await(CompletableFuture<EchoResult> f) throws Exception {
        return f.get(TIMEOUT.toMillis() + 2000, TimeUnit.MILLISECONDS);
    }

    private static void assumeIcmp(EchoResult r) {
        assumeTrue(!r.reason().startsWith("ICMP socket unavailable"), r.reason());
    }

    @Test
    void ipv4AndIpv6LoopbackAnswerWithinTheTimeout() throws Exception {
        try (Pinger pinger = new Pinger(timer, 16)) {
            for (String address : List.of("127.0.0.1", "::1")) {
                EchoResult r = await(pinger.echo(InetAddress.getByName(address), TIMEOUT)
                        .toCompletableFuture());
                assumeIcmp(r);
                assertEquals(new EchoResult(true, "echo reply", r.took()), r, address);
                assertTrue(r.took().compareTo(Duration.ZERO) > 0, address);
                assertTrue(r.took().compareTo(TIMEOUT) < 0, address);
            }
            assertEquals(0, pinger.outstanding());
        }
    }

    @Test
    void manyConcurrentProbesShareOneSocketPerFamilyAndAllMatch() throws Exception {
        try (Pinger warmUp = new Pinger(timer, 1)) {
            // loads JNA and libc once, which keeps a descriptor or two open for good
            assumeIcmp(await(warmUp.echo(InetAddress.getByName("127.0.0.1"), TIMEOUT)
                    .toCompletableFuture()));
        }
        int before = openDescriptors();
        try (Pinger pinger = new Pinger(timer, 600)) {
            List<CompletableFuture<EchoResult>> all = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                all.add(pinger.echo(InetAddress.getByName("127.0.0." + (1 + i % 250)), TIMEOUT)
                        .toCompletableFuture());
                all.add(pinger.echo(InetAddress.getByName("::1"), TIMEOUT).toCompletableFuture());
            }
            for (CompletableFuture<EchoResult> f : all) {
                EchoResult r = await(f);
                assumeIcmp(r);
                assertEquals("echo reply", r.reason());
            }
            assertEquals(0, pinger.outstanding());
            assertEquals(before + 2, openDescriptors());
        }
        assertEquals(before, openDescriptors());
    }

    @Test
    void probesBeyondTheBoundFailAtOnceAndAClosedPingerRefuses() throws Exception {
        Pinger pinger = new Pinger(timer, 1);
        List<CompletableFuture<EchoResult>> burst = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            burst.add(pinger.echo(InetAddress.getByName("127.0.0.1"), TIMEOUT)
                    .toCompletableFuture());
        }
        int refused = 0;
        for (CompletableFuture<EchoResult> f : burst) {
            EchoResult r = await(f);
            assumeIcmp(r);
            if (!r.replied()) {
                assertEquals("too many echo requests outstanding (1)", r.reason());
                refused++;
            }
        }
        assertTrue(refused > 0 && refused < 50, "refused " + refused);
        pinger.close();
        EchoResult closed = await(pinger.echo(InetAddress.getByName("127.0.0.1"), TIMEOUT)
                .toCompletableFuture());
        assertFalse(closed.replied());
        assertEquals("pinger closed", closed.reason());
    }

    static int openDescriptors() {
        String[] names = new File("/proc/self/fd").list();
        if (names == null) {
            throw new IllegalStateException("/proc/self/fd is not readable");
        }
        return names.length;
    }
}
