package org.lvsd.ipvs;

/**
 * Counters and rate estimates of a service or destination (struct ip_vs_stats64 as dumped by
 * IPVS_SVC_ATTR_STATS64): totals since the last zero, and per-second rates.
 */
public record Stats(long conns, long inPkts, long outPkts, long inBytes, long outBytes,
                    long cps, long inPps, long outPps, long inBps, long outBps) {

    /** All zero. */
    public static final Stats ZERO = new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Totals with zero rates. */
    public static Stats totals(long conns, long inPkts, long outPkts, long inBytes, long outBytes) {
        return new Stats(conns, inPkts, outPkts, inBytes, outBytes, 0, 0, 0, 0, 0);
    }

    /** Field-wise sum. */
    public Stats plus(Stats o) {
        return new Stats(conns + o.conns, inPkts + o.inPkts, outPkts + o.outPkts, inBytes + o.inBytes,
                outBytes + o.outBytes, cps + o.cps, inPps + o.inPps, outPps + o.outPps, inBps + o.inBps,
                outBps + o.outBps);
    }
}
