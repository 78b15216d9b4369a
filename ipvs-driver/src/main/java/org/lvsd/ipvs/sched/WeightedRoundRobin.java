package org.lvsd.ipvs.sched;

import java.util.List;
import java.util.Optional;
import org.lvsd.ipvs.RealServer;

/**
 * wrr (ip_vs_wrr.c): passes over the list with a current weight {@code cw} that starts at
 * {@code mw = max weight - (gcd - 1)} and drops by {@code di = gcd} after each pass, picking every
 * destination whose weight is at least {@code cw}. Any destination change puts the position back
 * to the list head and recomputes gcd and max weight, adjusting {@code cw} as the kernel does.
 */
final class WeightedRoundRobin implements Scheduler {
    private static final int HEAD = -1;

    private int position = HEAD;
    private int cw;
    private int mw;
    private int di = 1;

    @Override
    public String name() {
        return "wrr";
    }

    @Override
    public void update(List<Candidate> destinations) {
        position = HEAD;
        di = gcdWeight(destinations);
        mw = maxWeight(destinations) - (di - 1);
        if (cw > mw || cw == 0) {
            cw = mw;
        } else if (di > 1) {
            cw = (cw / di) * di + 1;
        }
    }

    @Override
    public Optional<RealServer> schedule(List<Candidate> destinations, Flow flow) {
        if (mw == 0) {
            return Optional.empty();
        }
        int dest = position;
        int last = dest;
        Integer stop = null;
        boolean lastPass = false;
        boolean restarted = false;
        while (true) {
            for (dest = dest + 1; dest < destinations.size(); dest++) {
                Candidate c = destinations.get(dest);
                if (!c.overloaded() && c.weight() >= cw) {
                    position = dest;
                    return Optional.of(c.server());
                }
                if (stop != null && dest == stop) {
                    position = dest;
                    return Optional.empty();
                }
            }
            dest = HEAD;
            cw -= di;
            if (cw <= 0) {
                cw = mw;
                if (lastPass || last == HEAD) {
                    position = HEAD;
                    return Optional.empty();
                }
                restarted = true;
            }
            lastPass = cw <= di;
            if (lastPass && restarted && last != HEAD) {
                stop = last;
            }
        }
    }

    private static int gcdWeight(List<Candidate> destinations) {
        int g = 0;
        for (Candidate c : destinations) {
            int w = c.weight();
            if (w > 0) {
                g = g > 0 ? gcd(w, g) : w;
            }
        }
        return g > 0 ? g : 1;
    }

    private static int maxWeight(List<Candidate> destinations) {
        int max = 0;
        for (Candidate c : destinations) {
            max = Math.max(max, c.weight());
        }
        return max;
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
