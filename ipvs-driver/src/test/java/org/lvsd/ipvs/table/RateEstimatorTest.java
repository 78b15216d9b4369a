package org.lvsd.ipvs.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Stats;

class RateEstimatorTest {

    @Test
    void constantLoadConvergesWithQuarterWeightSteps() {
        RateEstimator e = new RateEstimator();
        List<Long> cps = new ArrayList<>();
        List<Long> inBps = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Stats totals = new Stats(100L * i, 0, 0, 1_000_000L * i, 0, 0, 0, 0, 0, 0);
            e.tick(totals);
            cps.add(e.read(totals).cps());
            inBps.add(e.read(totals).inBps());
        }
        // 100 connections and 1 MB per 2 s: averages 12800, 22400, 29600 (x 2^-10, plus 0x1FF, truncated)
        // and 4e6, 7e6, 9.25e6 (x 2^-5, plus 0xF, truncated)
        assertEquals(List.of(12L, 22L, 29L), cps);
        assertEquals(List.of(125_000L, 218_750L, 289_062L), inBps);
        Stats last = null;
        for (int i = 4; i <= 60; i++) {
            last = new Stats(100L * i, 0, 0, 1_000_000L * i, 0, 0, 0, 0, 0, 0);
            e.tick(last);
        }
        assertEquals(50, e.read(last).cps());
        assertEquals(500_000, e.read(last).inBps());
    }

    @Test
    void resetZeroesRatesAndMeasuresFromTheNewTotals() {
        RateEstimator e = new RateEstimator();
        e.tick(new Stats(1000, 5000, 4000, 0, 0, 0, 0, 0, 0, 0));
        e.reset(Stats.ZERO);
        assertEquals(Stats.ZERO, e.read(Stats.ZERO));
        e.tick(new Stats(8, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertEquals(1, e.read(Stats.ZERO).cps());
    }
}
