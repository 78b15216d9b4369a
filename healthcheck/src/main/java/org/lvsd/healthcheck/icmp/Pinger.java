package org.lvsd.healthcheck.icmp;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends ICMP echo requests and matches the replies: one {@link EchoSocket} per family, opened
 * on first use, shared by every probe. A probe waits under a 16-bit sequence number of its own
 * with an 8-octet random payload; a reply counts only with our identifier, that sequence
 * number, the probed source address and the same payload. Timeouts run on {@code timer},
 * results are delivered on {@code timer} as well (never on the reader thread).
 */
public final class Pinger implements AutoCloseable {

    /** The sequence space is 16 bits; staying under half of it keeps numbers unambiguous. */
    public static final int MAX_OUTSTANDING_LIMIT = 0x8000;

    private static final int NONCE = 8;

    private final ScheduledExecutorService timer;
    private final int maxOutstanding;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Map<IcmpFamily, Channel> channels = new EnumMap<>(IcmpFamily.class);
    private boolean closed;

    /**
     * @param timer          runs timeouts and delivers results
     * @param maxOutstanding probes waiting for a reply at once, 1..{@value #MAX_OUTSTANDING_LIMIT};
     *                       a probe beyond it fails at once
     */
    public Pinger(ScheduledExecutorService timer, int maxOutstanding) {
        if (maxOutstanding < 1 || maxOutstanding > MAX_OUTSTANDING_LIMIT) {
            throw new IllegalArgumentException("maxOutstanding out of 1.." + MAX_OUTSTANDING_LIMIT);
        }
        this.timer = timer;
        this.maxOutstanding = maxOutstanding;
    }

    /** Sends one echo request to {@code target}; the stage completes normally, always. */
    public CompletionStage<EchoResult> echo(InetAddress target, Duration timeout) {
        long start = System.nanoTime();
        Channel channel;
        try {
            channel = channel(IcmpFamily.of(target));
        } catch (IOException e) {
            return done(false, e.getMessage(), start);
        }
        if (outstanding.incrementAndGet() > maxOutstanding) {
            outstanding.decrementAndGet();
            return done(false, "too many echo requests outstanding (" + maxOutstanding + ")",
                    start);
        }
        return channel.send(target, timeout, start);
    }

    /** Probes waiting for a reply now. */
    public int outstanding() {
        return outstanding.get();
    }

    /** How the socket of {@code family} was opened, if it is open. */
    synchronized EchoSocket.Kind kind(IcmpFamily family) {
        Channel c = channels.get(family);
        return c == null ? null : c.socket.kind();
    }

    /** Closes the sockets; probes still waiting complete as failed. */
    @Override
    public void close() {
        Channel[] open;
        synchronized (this) {
            closed = true;
            open = channels.values().toArray(Channel[]::new);
            channels.clear();
        }
        for (Channel c : open) {
            c.close();
        }
    }

    private synchronized Channel channel(IcmpFamily family) throws IOException {
        if (closed) {
            throw new IOException("pinger closed");
        }
        Channel c = channels.get(family);
        if (c == null) {
            c = new Channel(family);
            channels.put(family, c);
        }
        return c;
    }

    private static CompletionStage<EchoResult> done(boolean ok, String reason, long start) {
        return CompletableFuture.completedFuture(result(ok, reason, start, System.nanoTime()));
    }

    private static EchoResult result(boolean ok, String reason, long start, long end) {
        return new EchoResult(ok, reason, Duration.ofNanos(end - start));
    }

    /** "3 s" for whole seconds, "250 ms" otherwise. */
    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** One probe waiting for its reply. */
    private static final class Probe {
        final InetAddress target;
        final byte[] nonce;
        final long start;
        final CompletableFuture<EchoResult> result = new CompletableFuture<>();
        volatile ScheduledFuture<?> timeout;

        Probe(InetAddress target, byte[] nonce, long start) {
            this.target = target;
            this.nonce = nonce;
            this.start = start;
        }
    }

    /** The socket of one family and its probes by sequence number. */
    private final class Channel {
        final EchoSocket socket;
        final Map<Integer, Probe> waiting = new ConcurrentHashMap<>();
        final AtomicInteger nextSequence =
                new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000));

        Channel(IcmpFamily family) throws IOException {
            socket = EchoSocket.open(family, this::reply);
        }

        CompletionStage<EchoResult> send(InetAddress target, Duration timeout, long start) {
            byte[] nonce = new byte[NONCE];
            ThreadLocalRandom.current().nextBytes(nonce);
            Probe probe = new Probe(target, nonce, start);
            int sequence = nextSequence.getAndIncrement() & 0xFFFF;
            while (waiting.putIfAbsent(sequence, probe) != null) {
                sequence = nextSequence.getAndIncrement() & 0xFFFF;
            }
            int seq = sequence;
            try {
                String silence = "no echo reply within " + describe(timeout);
                probe.timeout = timer.schedule(() -> finish(seq, probe, false, silence,
                        System.nanoTime(), Runnable::run), timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                finish(seq, probe, false, "timer shut down", System.nanoTime(), Runnable::run);
                return probe.result;
            }
            try {
                socket.send(target, seq, nonce);
            } catch (IOException e) {
                finish(seq, probe, false, e.getMessage(), System.nanoTime(), Runnable::run);
            }
            return probe.result;
        }

        private void reply(InetAddress from, EchoCodec.Echo echo, long receivedNanos) {
            Probe probe = waiting.get(echo.sequence());
            if (probe != null && Arrays.equals(probe.target.getAddress(), from.getAddress())
                    && Arrays.equals(probe.nonce, echo.data())) {
                finish(echo.sequence(), probe, true, "echo reply", receivedNanos, timer);
            }
        }

        /** Completes {@code probe} once: whoever removes it from {@code waiting} wins. */
        private void finish(int sequence, Probe probe, boolean ok, String reason, long end,
                            Executor deliver) {
            if (!waiting.remove(sequence, probe)) {
                return;
            }
            outstanding.decrementAndGet();
            ScheduledFuture<?> t = probe.timeout;
            if (t != null) {
                t.cancel(false);
            }
            EchoResult r = result(ok, reason, probe.start, end);
            try {
                deliver.execute(() -> probe.result.complete(r));
            } catch (RejectedExecutionException e) {
                probe.result.complete(r);
            }
        }

        void close() {
            socket.close();
            for (Map.Entry<Integer, Probe> e : waiting.entrySet()) {
                finish(e.getKey(), e.getValue(), false, "pinger closed", System.nanoTime(),
                        Runnable::run);
            }
        }
    }
}
