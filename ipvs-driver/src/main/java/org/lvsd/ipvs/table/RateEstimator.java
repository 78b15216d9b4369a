package org.lvsd.ipvs.table;

import org.lvsd.ipvs.Stats;

/**
 * The kernel's rate estimator (ip_vs_est.c) for one service or destination. Every 2 seconds
 * {@link #tick} folds the counter deltas into exponentially weighted averages (weight 1/4), kept
 * scaled by 2^10 for connections and packets and by 2^5 for bytes; {@link #read} decodes them with
 * the kernel's rounding.
 */
public final class RateEstimator {
    private long lastConns;
    private long lastInPkts;
    private long lastOutPkts;
    private long lastInBytes;
    private long lastOutBytes;
    private long cps;
    private long inPps;
    private long outPps;
    private long inBps;
    private long outBps;

    /** One 2-second estimation step with the current totals. */
    public void tick(Stats totals) {
        cps = fold(cps, (totals.conns() - lastConns) << 9);
        inPps = fold(inPps, (totals.inPkts() - lastInPkts) << 9);
        outPps = fold(outPps, (totals.outPkts() - lastOutPkts) << 9);
        inBps = fold(inBps, (totals.inBytes() - lastInBytes) << 4);
        outBps = fold(outBps, (totals.outBytes() - lastOutBytes) << 4);
        lastConns = totals.conns();
        lastInPkts = totals.inPkts();
        lastOutPkts = totals.outPkts();
        lastInBytes = totals.inBytes();
        lastOutBytes = totals.outBytes();
    }

    private static long fold(long average, long rate) {
        return average + ((rate - average) >> 2);
    }

    /** The totals with the decoded per-second rates (ip_vs_read_estimator). */
    public Stats read(Stats totals) {
        return new Stats(totals.conns(), totals.inPkts(), totals.outPkts(), totals.inBytes(), totals.outBytes(),
                (cps + 0x1FF) >>> 10, (inPps + 0x1FF) >>> 10, (outPps + 0x1FF) >>> 10, (inBps + 0xF) >>> 5,
                (outBps + 0xF) >>> 5);
    }

    /** ip_vs_zero_estimator: rates to zero, deltas measured from the given totals. */
    public void reset(Stats totals) {
        cps = 0;
        inPps = 0;
        outPps = 0;
        inBps = 0;
        outBps = 0;
        lastConns = totals.conns();
        lastInPkts = totals.inPkts();
        lastOutPkts = totals.outPkts();
        lastInBytes = totals.inBytes();
        lastOutBytes = totals.outBytes();
    }
}
