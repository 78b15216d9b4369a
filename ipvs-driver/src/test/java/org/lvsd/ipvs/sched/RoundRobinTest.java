package org.lvsd.ipvs.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.sched.Fixtures.rs;
import static org.lvsd.ipvs.sched.Fixtures.sequence;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundRobinTest {

    @Test
    void cyclesInListOrder() {
        Scheduler s = Fixtures.scheduler("rr");
        List<Candidate> dests = List.of(Candidate.idle(rs(21), 1), Candidate.idle(rs(22), 5), Candidate.idle(rs(23), 1));
        s.update(dests);
        assertEquals(List.of("21", "22", "23", "21", "22", "23", "21"), sequence(s, dests, 7));
    }

    @Test
    void skipsWeightZeroAndOverloaded() {
        Scheduler s = Fixtures.scheduler("rr");
        List<Candidate> dests = List.of(Candidate.idle(rs(21), 1), Candidate.idle(rs(22), 0),
                new Candidate(rs(23), 1, 1, 0, 0, true), Candidate.idle(rs(24), 1));
        s.update(dests);
        assertEquals(List.of("21", "24", "21", "24"), sequence(s, dests, 4));
    }

    @Test
    void removedCursorContinuesFromItsPredecessor() {
        Scheduler s = Fixtures.scheduler("rr");
        List<Candidate> three = List.of(Candidate.idle(rs(21), 1), Candidate.idle(rs(22), 1), Candidate.idle(rs(23), 1));
        s.update(three);
        assertEquals(List.of("21", "22"), sequence(s, three, 2));
        List<Candidate> two = List.of(three.get(0), three.get(2));
        s.update(two);
        assertEquals(List.of("23", "21"), sequence(s, two, 2));
    }

    @Test
    void nothingAvailableGivesNoPick() {
        Scheduler s = Fixtures.scheduler("rr");
        List<Candidate> dests = List.of(Candidate.idle(rs(21), 0));
        s.update(dests);
        assertEquals(List.of("-"), sequence(s, dests, 1));
    }
}
