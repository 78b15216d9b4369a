package org.lvsd.ipvs.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.sched.Fixtures.addr;
import static org.lvsd.ipvs.sched.Fixtures.rs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.TestClock;

class LocalitySchedulersTest {
    private static final Flow TO_A = new Flow(addr("203.0.113.1"), 1000, addr("192.0.2.10"), 80);
    private static final Flow TO_B = new Flow(addr("203.0.113.1"), 1001, addr("192.0.2.11"), 80);

    private static Scheduler create(String name, Clock clock) {
        return Schedulers.create(name, Set.of(), clock).orElseThrow();
    }

    @Test
    void lblcSticksToTheRememberedServerEvenWhenOthersAreLessLoaded() {
        TestClock clock = new TestClock();
        Scheduler s = create("lblc", clock);
        List<Candidate> idle = List.of(Candidate.idle(rs(21), 10), Candidate.idle(rs(22), 10));
        s.update(idle);
        assertEquals(Optional.of(rs(21)), s.schedule(idle, TO_A));
        List<Candidate> busy = List.of(new Candidate(rs(21), 10, 10, 8, 0, false), Candidate.idle(rs(22), 10));
        assertEquals(Optional.of(rs(21)), s.schedule(busy, TO_A));
        assertEquals(Optional.of(rs(22)), s.schedule(busy, TO_B));
    }

    @Test
    void lblcLeavesAServerAboveItsWeightWhileAnotherIsBelowHalf() {
        Scheduler s = create("lblc", new TestClock());
        List<Candidate> idle = List.of(Candidate.idle(rs(21), 10), Candidate.idle(rs(22), 10));
        s.update(idle);
        s.schedule(idle, TO_A);
        List<Candidate> hot = List.of(new Candidate(rs(21), 10, 10, 11, 0, false),
                new Candidate(rs(22), 10, 10, 4, 0, false));
        assertEquals(Optional.of(rs(22)), s.schedule(hot, TO_A));
        assertEquals(Optional.of(rs(22)), s.schedule(idle, TO_A));
    }

    @Test
    void lblcForgetsEntriesAfterTheExpiration() {
        TestClock clock = new TestClock();
        Scheduler s = create("lblc", clock);
        List<Candidate> idle = List.of(Candidate.idle(rs(21), 10), Candidate.idle(rs(22), 10));
        s.update(idle);
        s.schedule(idle, TO_A);
        List<Candidate> busy = List.of(new Candidate(rs(21), 10, 10, 1, 0, false), Candidate.idle(rs(22), 10));
        clock.advance(Duration.ofHours(24));
        assertEquals(Optional.of(rs(21)), s.schedule(busy, TO_A));
        clock.advance(Duration.ofHours(24).plusMillis(1));
        assertEquals(Optional.of(rs(22)), s.schedule(busy, TO_A));
    }

    @Test
    void lblcrReplicatesToASecondServerUnderLoadAndUsesTheLeastLoadedMember() {
        TestClock clock = new TestClock();
        Scheduler s = create("lblcr", clock);
        List<Candidate> idle = List.of(Candidate.idle(rs(21), 10), Candidate.idle(rs(22), 10), Candidate.idle(rs(23), 10));
        s.update(idle);
        assertEquals(Optional.of(rs(21)), s.schedule(idle, TO_A));
        List<Candidate> hot = List.of(new Candidate(rs(21), 10, 10, 11, 0, false),
                new Candidate(rs(22), 10, 10, 3, 0, false), new Candidate(rs(23), 10, 10, 2, 0, false));
        assertEquals(Optional.of(rs(23)), s.schedule(hot, TO_A));
        // set {23, 21}: 21 cooled down and is now the less loaded member
        List<Candidate> later = List.of(new Candidate(rs(21), 10, 10, 1, 0, false),
                new Candidate(rs(22), 10, 10, 0, 0, false), new Candidate(rs(23), 10, 10, 5, 0, false));
        assertEquals(Optional.of(rs(21)), s.schedule(later, TO_A));
    }

    @Test
    void lblcrShrinksTheSetAfterTheExpirationWithoutChanges() {
        TestClock clock = new TestClock();
        Scheduler s = create("lblcr", clock);
        List<Candidate> idle = List.of(Candidate.idle(rs(21), 10), Candidate.idle(rs(22), 10));
        s.update(idle);
        s.schedule(idle, TO_A);
        List<Candidate> hot = List.of(new Candidate(rs(21), 10, 10, 11, 0, false),
                new Candidate(rs(22), 10, 10, 1, 0, false));
        assertEquals(Optional.of(rs(22)), s.schedule(hot, TO_A));
        clock.advance(Duration.ofHours(23));
        // set {22, 21}, not yet expired: both stay and the less loaded member 21 is chosen
        List<Candidate> calm = List.of(new Candidate(rs(21), 10, 10, 2, 0, false),
                new Candidate(rs(22), 10, 10, 3, 0, false));
        assertEquals(Optional.of(rs(21)), s.schedule(calm, TO_A));
        clock.advance(Duration.ofHours(2));
        // now expired: most loaded member 22 is erased, 21 remains and is used
        List<Candidate> flipped = List.of(new Candidate(rs(21), 10, 10, 2, 0, false),
                new Candidate(rs(22), 10, 10, 3, 0, false));
        assertEquals(Optional.of(rs(21)), s.schedule(flipped, TO_A));
        List<Candidate> after = List.of(new Candidate(rs(21), 10, 10, 5, 0, false),
                new Candidate(rs(22), 10, 10, 0, 0, false));
        RealServer only = s.schedule(after, TO_A).orElseThrow();
        assertEquals(rs(21), only);
    }
}
