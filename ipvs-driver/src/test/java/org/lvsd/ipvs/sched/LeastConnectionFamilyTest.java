package org.lvsd.ipvs.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.sched.Fixtures.rs;
import static org.lvsd.ipvs.sched.Fixtures.sequence;

import java.util.List;
import org.junit.jupiter.api.Test;

/** lc, wlc, sed and nq picks for fixed connection counts. */
class LeastConnectionFamilyTest {

    private static String pick(String scheduler, List<Candidate> dests) {
        Scheduler s = Fixtures.scheduler(scheduler);
        s.update(dests);
        return sequence(s, dests, 1).get(0);
    }

    @Test
    void lcPicksSmallestOverheadIgnoringWeight() {
        // overheads: 21 = 1*256 + 0, 22 = 0*256 + 300, 23 = 1*256 + 1
        List<Candidate> dests = List.of(new Candidate(rs(21), 1, 1, 1, 0, false),
                new Candidate(rs(22), 100, 100, 0, 300, false), new Candidate(rs(23), 1, 1, 1, 1, false));
        assertEquals("21", pick("lc", dests));
    }

    @Test
    void lcTieGoesToFirstInList() {
        List<Candidate> dests = List.of(Candidate.idle(rs(22), 1), Candidate.idle(rs(21), 1));
        assertEquals("22", pick("lc", dests));
    }

    @Test
    void lcSkipsWeightZero() {
        List<Candidate> dests = List.of(Candidate.idle(rs(21), 0), new Candidate(rs(22), 1, 1, 5, 5, false));
        assertEquals("22", pick("lc", dests));
    }

    @Test
    void wlcDividesOverheadByWeight() {
        // 21: 256/1 = 256; 22: 512/3 = 170.7 -> 22
        List<Candidate> dests = List.of(new Candidate(rs(21), 1, 1, 1, 0, false),
                new Candidate(rs(22), 3, 3, 2, 0, false));
        assertEquals("22", pick("wlc", dests));
    }

    @Test
    void wlcEqualRatioKeepsFirst() {
        // 21: 256/1; 22: 512/2 -> equal, first stays
        List<Candidate> dests = List.of(new Candidate(rs(21), 1, 1, 1, 0, false),
                new Candidate(rs(22), 2, 2, 2, 0, false));
        assertEquals("21", pick("wlc", dests));
    }

    @Test
    void wlcCountsInactiveConnections() {
        // 21: 0*256 + 10 = 10; 22: 0*256 + 1 = 1 -> 22
        List<Candidate> dests = List.of(new Candidate(rs(21), 1, 1, 0, 10, false),
                new Candidate(rs(22), 1, 1, 0, 1, false));
        assertEquals("22", pick("wlc", dests));
    }

    @Test
    void sedUsesActivePlusOneOverWeight() {
        // 21: (0+1)/1 = 1; 22: (2+1)/4 = 0.75 -> 22
        List<Candidate> dests = List.of(new Candidate(rs(21), 1, 1, 0, 50, false),
                new Candidate(rs(22), 4, 4, 2, 0, false));
        assertEquals("22", pick("sed", dests));
    }

    @Test
    void sedIgnoresInactiveConnections() {
        // 21: (1+1)/1 = 2 with 1000 inactive; 22: (2+1)/1 = 3 -> 21
        List<Candidate> dests = List.of(new Candidate(rs(21), 1, 1, 1, 1000, false),
                new Candidate(rs(22), 1, 1, 2, 0, false));
        assertEquals("21", pick("sed", dests));
    }

    @Test
    void nqPrefersAnIdleServerOverABetterRatio() {
        // sed would pick 22 ((2+1)/4 < (0+1)/1 is false... 0.75 < 1) but 21 is idle
        List<Candidate> dests = List.of(new Candidate(rs(22), 4, 4, 2, 0, false),
                new Candidate(rs(21), 1, 1, 0, 9, false));
        assertEquals("21", pick("nq", dests));
    }

    @Test
    void nqWithoutIdleServerBehavesLikeSed() {
        List<Candidate> dests = List.of(new Candidate(rs(21), 1, 1, 1, 0, false),
                new Candidate(rs(22), 4, 4, 2, 0, false));
        assertEquals("22", pick("nq", dests));
    }

    @Test
    void overloadedServersAreSkippedByAll() {
        List<Candidate> dests = List.of(new Candidate(rs(21), 10, 10, 0, 0, true),
                new Candidate(rs(22), 1, 1, 3, 3, false));
        for (String name : List.of("lc", "wlc", "sed", "nq")) {
            assertEquals("22", pick(name, dests), name);
        }
    }
}
