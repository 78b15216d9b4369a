package org.lvsd.ipvs.userspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The connect deadline queue with a hand-driven clock and timer: entries expire in the order
 * their connects started, each at its own deadline, removal from anywhere takes them out, and the
 * timer is armed only when an entry becomes the head while no task is pending.
 */
class ConnectDeadlinesTest {
    private static final long TIMEOUT = 200;

    private long now = 1_000;
    /** Times (on the fake clock) at which the scheduled tasks are due, in scheduling order. */
    private final List<Long> scheduledFor = new ArrayList<>();
    private final List<Runnable> tasks = new ArrayList<>();
    private final List<String> timedOut = new ArrayList<>();
    private final ConnectDeadlines queue = new ConnectDeadlines(TIMEOUT, () -> now, (task, delay) -> {
        scheduledFor.add(now + delay);
        tasks.add(task);
    });

    private final class Connect extends ConnectDeadlines.Entry {
        private final String name;

        Connect(String name) {
            this.name = name;
        }

        @Override
        void connectTimedOut() {
            timedOut.add(name + "@" + now);
        }
    }

    private Connect startAt(long time, String name) {
        now = time;
        Connect c = new Connect(name);
        queue.add(c);
        return c;
    }

    /** Runs the oldest pending task at its due time (or {@code at}, if later). */
    private void runNextTaskAt(long at) {
        now = Math.max(at, scheduledFor.get(scheduledFor.size() - tasks.size()));
        tasks.remove(0).run();
    }

    @Test
    void entriesExpireInStartOrderEachAtItsOwnDeadline() {
        startAt(1_000, "a");
        startAt(1_010, "b");
        startAt(1_050, "c");
        assertEquals(List.of(1_200L), scheduledFor);
        runNextTaskAt(1_200);
        assertEquals(List.of("a@1200"), timedOut);
        assertEquals(List.of(1_200L, 1_210L), scheduledFor);
        runNextTaskAt(1_210);
        runNextTaskAt(1_250);
        assertEquals(List.of("a@1200", "b@1210", "c@1250"), timedOut);
        assertEquals(List.of(1_200L, 1_210L, 1_250L), scheduledFor);
        assertEquals(0, tasks.size());
    }

    @Test
    void aLateTaskFailsEveryEntryPastItsDeadlineAtOnceAndArmsForTheRest() {
        startAt(1_000, "a");
        startAt(1_010, "b");
        startAt(1_100, "c");
        runNextTaskAt(1_215);
        assertEquals(List.of("a@1215", "b@1215"), timedOut);
        assertEquals(List.of(1_200L, 1_300L), scheduledFor);
    }

    @Test
    void removalFromTheMiddleHeadAndTailTakesOnlyThatEntryOut() {
        startAt(1_000, "a");
        Connect b = startAt(1_010, "b");
        startAt(1_020, "c");
        Connect d = startAt(1_030, "d");
        queue.remove(b);
        queue.remove(d);
        queue.remove(d);
        runNextTaskAt(1_200);
        runNextTaskAt(1_220);
        assertEquals(List.of("a@1200", "c@1220"), timedOut);
        assertEquals(0, tasks.size());

        Connect e = startAt(1_300, "e");
        startAt(1_310, "f");
        queue.remove(e);
        runNextTaskAt(1_500);
        runNextTaskAt(1_510);
        assertEquals(List.of("a@1200", "c@1220", "f@1510"), timedOut);
    }

    @Test
    void theTimerIsArmedOnlyWhenAnEntryBecomesTheHeadWithNoTaskPending() {
        Connect a = startAt(1_000, "a");
        startAt(1_010, "b");
        assertEquals(1, tasks.size(), "a second entry behind the head arms nothing");
        queue.remove(a);
        assertEquals(1, tasks.size(), "a removed head cancels nothing and arms nothing");
        // the pending task, due at a's deadline, finds b not yet due and arms for it
        runNextTaskAt(1_200);
        assertEquals(List.of(), timedOut);
        assertEquals(List.of(1_200L, 1_210L), scheduledFor);
        runNextTaskAt(1_210);
        assertEquals(List.of("b@1210"), timedOut);
        assertEquals(0, tasks.size(), "an empty queue arms nothing");

        // connects that succeed at once: one task while one is pending, none after it ran on an empty queue
        Connect c = startAt(2_000, "c");
        queue.remove(c);
        Connect d = startAt(2_050, "d");
        queue.remove(d);
        assertEquals(1, tasks.size());
        runNextTaskAt(2_200);
        assertEquals(0, tasks.size());
        assertEquals(List.of("b@1210"), timedOut);
    }

    @Test
    void aTimeoutThatIsNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConnectDeadlines(0, () -> 0, (t, d) -> { }));
    }
}
