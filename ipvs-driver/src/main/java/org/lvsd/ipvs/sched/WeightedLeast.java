package org.lvsd.ipvs.sched;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The weighted-least loop shared by wlc, sed, lblc and lblcr: the first available destination
 * starts as the least; a later non-overloaded one replaces it when
 * {@code loh * weight(d) > doh * weight(least)}.
 */
final class WeightedLeast {
    private WeightedLeast() {
    }

    static Candidate pick(List<Candidate> destinations, ToLongFunction<Candidate> overhead) {
        Candidate least = null;
        long loh = 0;
        int i = 0;
        for (; i < destinations.size(); i++) {
            Candidate c = destinations.get(i);
            if (c.available()) {
                least = c;
                loh = overhead.applyAsLong(c);
                break;
            }
        }
        if (least == null) {
            return null;
        }
        for (i++; i < destinations.size(); i++) {
            Candidate c = destinations.get(i);
            if (c.overloaded()) {
                continue;
            }
            long doh = overhead.applyAsLong(c);
            if (loh * c.weight() > doh * least.weight()) {
                least = c;
                loh = doh;
            }
        }
        return least;
    }
}
