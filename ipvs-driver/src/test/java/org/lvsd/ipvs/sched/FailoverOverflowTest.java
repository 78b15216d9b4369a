package org.lvsd.ipvs.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.sched.Fixtures.rs;
import static org.lvsd.ipvs.sched.Fixtures.sequence;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverOverflowTest {

    private static String pick(String scheduler, List<Candidate> dests) {
        Scheduler s = Fixtures.scheduler(scheduler);
        s.update(dests);
        return sequence(s, dests, 1).get(0);
    }

    @Test
    void foPicksHighestWeight() {
        List<Candidate> dests = List.of(Candidate.idle(rs(21), 5), new Candidate(rs(22), 10, 10, 900, 0, false),
                Candidate.idle(rs(23), 7));
        assertEquals("22", pick("fo", dests));
    }

    @Test
    void foTieGoesToFirstAndOverloadFailsOver() {
        assertEquals("21", pick("fo", List.of(Candidate.idle(rs(21), 5), Candidate.idle(rs(22), 5))));
        assertEquals("23", pick("fo", List.of(new Candidate(rs(22), 10, 10, 0, 0, true), Candidate.idle(rs(23), 7))));
    }

    @Test
    void ovfKeepsHighestWeightUntilActiveExceedsWeight() {
        assertEquals("21", pick("ovf", List.of(new Candidate(rs(21), 3, 3, 3, 0, false), Candidate.idle(rs(22), 1))));
        assertEquals("22", pick("ovf", List.of(new Candidate(rs(21), 3, 3, 4, 0, false), Candidate.idle(rs(22), 1))));
    }

    @Test
    void ovfSkipsWeightZeroAndGivesNothingWhenAllFull() {
        assertEquals("-", pick("ovf", List.of(Candidate.idle(rs(21), 0), new Candidate(rs(22), 1, 1, 2, 0, false))));
    }
}
