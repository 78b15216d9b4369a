package org.lvsd.ipvs.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.sched.Fixtures.distribution;
import static org.lvsd.ipvs.sched.Fixtures.rs;
import static org.lvsd.ipvs.sched.Fixtures.sequence;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightedRoundRobinTest {

    @Test
    void threeToOneOverFourThousandPicksIsExact() {
        Scheduler s = Fixtures.scheduler("wrr");
        List<Candidate> dests = List.of(Candidate.idle(rs(21), 3), Candidate.idle(rs(22), 1));
        s.update(dests);
        assertEquals(Map.of(rs(21), 3000, rs(22), 1000), distribution(s, dests, 4000));
    }

    @Test
    void interleavesByDescendingCurrentWeight() {
        Scheduler s = Fixtures.scheduler("wrr");
        List<Candidate> dests = List.of(Candidate.idle(rs(21), 4), Candidate.idle(rs(22), 3), Candidate.idle(rs(23), 2));
        s.update(dests);
        // cw = 4: A; cw = 3: A B; cw = 2: A B C; cw = 1: A B C
        assertEquals(List.of("21", "21", "22", "21", "22", "23", "21", "22", "23", "21"), sequence(s, dests, 10));
    }

    @Test
    void gcdStepsCurrentWeight() {
        Scheduler s = Fixtures.scheduler("wrr");
        List<Candidate> dests = List.of(Candidate.idle(rs(21), 4), Candidate.idle(rs(22), 2));
        s.update(dests);
        // di = 2, mw = 3: cw 3 -> A; cw 1 -> A B
        assertEquals(List.of("21", "21", "22", "21", "21", "22"), sequence(s, dests, 6));
    }

    @Test
    void weightZeroNeverPicked() {
        Scheduler s = Fixtures.scheduler("wrr");
        List<Candidate> dests = List.of(Candidate.idle(rs(21), 0), Candidate.idle(rs(22), 2));
        s.update(dests);
        assertEquals(Map.of(rs(22), 100), distribution(s, dests, 100));
    }

    @Test
    void allWeightsZeroGivesNoPick() {
        Scheduler s = Fixtures.scheduler("wrr");
        List<Candidate> dests = List.of(Candidate.idle(rs(21), 0));
        s.update(dests);
        assertEquals(List.of("-", "-"), sequence(s, dests, 2));
    }

    @Test
    void overloadedDestinationIsSkipped() {
        Scheduler s = Fixtures.scheduler("wrr");
        List<Candidate> dests = List.of(new Candidate(rs(21), 3, 3, 0, 0, true), Candidate.idle(rs(22), 1));
        s.update(dests);
        assertEquals(List.of("22", "22", "22"), sequence(s, dests, 3));
    }

    @Test
    void destinationChangesKeepTheCurrentWeightWhenItStillFits() {
        Scheduler s = Fixtures.scheduler("wrr");
        s.update(List.of());
        List<Candidate> one = List.of(Candidate.idle(rs(21), 3));
        s.update(one);
        // alone: gcd 3, mw = 3 - 2 = 1, cw = 1; adding a weight-1 server: mw 3, cw stays 1
        List<Candidate> two = List.of(Candidate.idle(rs(22), 1), Candidate.idle(rs(21), 3));
        s.update(two);
        assertEquals(List.of("22", "21", "21", "21", "22", "21"), sequence(s, two, 6));
    }
}
