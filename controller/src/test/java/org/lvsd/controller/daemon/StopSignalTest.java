package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The stop signal's order: the hand-off to the loops first, then the main thread is woken. */
class StopSignalTest {

    @Test
    void handsOffBeforeWakingTheMainThread() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        StopSignal[] signal = new StopSignal[1];
        signal[0] = new StopSignal(() -> seen.add("hand-off, main woken: " + signal[0].received()));
        assertFalse(signal[0].received());

        signal[0].run();

        assertEquals(List.of("hand-off, main woken: false"), seen);
        assertTrue(signal[0].received());
        signal[0].await();
        assertEquals(Optional.empty(), signal[0].handOffFailure());
    }

    @Test
    void aFailedHandOffStillWakesTheMainThreadAndIsReported() throws InterruptedException {
        IllegalStateException failure = new IllegalStateException("boom");
        StopSignal signal = new StopSignal(() -> {
            throw failure;
        });

        signal.run();

        signal.await();
        assertSame(failure, signal.handOffFailure().orElseThrow());
    }

    @Test
    void everySignalHandsOffAgain() {
        List<String> seen = new ArrayList<>();
        StopSignal signal = new StopSignal(() -> seen.add("hand-off"));

        signal.run();
        signal.run();

        assertEquals(List.of("hand-off", "hand-off"), seen);
        assertTrue(signal.received());
    }
}
