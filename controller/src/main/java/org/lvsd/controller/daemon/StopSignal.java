package org.lvsd.controller.daemon;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What SIGTERM and SIGINT run, on the thread the JVM starts for the signal: first
 * {@code handOff} (each VRRP instance's stop queued on its own loop, {@link StopHandoff}), so the
 * priority-0 adverts leave before anything else happens, not even a log line; only then it wakes
 * the main thread ({@link #await}), which waits for those stops, logs, tells systemd and closes
 * the rest. A second signal hands off again (stopping twice does nothing) and wakes no one new.
 */
final class StopSignal implements Runnable {

    private final Runnable handOff;
    private final CountDownLatch received = new CountDownLatch(1);
    private final AtomicLong firstNanos = new AtomicLong();
    private volatile RuntimeException handOffFailure;

    StopSignal(Runnable handOff) {
        this.handOff = handOff;
    }

    /** The signal handler: hand off, then wake the main thread, even if the hand-off failed. */
    @Override
    public void run() {
        long now = System.nanoTime();
        try {
            handOff.run();
        } catch (RuntimeException e) {
            handOffFailure = e;
        } finally {
            firstNanos.compareAndSet(0, now);
            received.countDown();
        }
    }

    /** Whether a stop signal was handled (its hand-off done). */
    boolean received() {
        return received.getCount() == 0;
    }

    /** Blocks until a stop signal was handled. */
    void await() throws InterruptedException {
        received.await();
    }

    /** Milliseconds since the first signal's handler started (0 before any). */
    long millisSinceReceived() {
        long first = firstNanos.get();
        return first == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - first);
    }

    /** What the hand-off threw, if it did (it should not: {@link StopHandoff#handOff} never throws). */
    Optional<RuntimeException> handOffFailure() {
        return Optional.ofNullable(handOffFailure);
    }
}
