package org.lvsd.ipvs.kernel;

import org.lvsd.ipvs.Stats;
import org.lvsd.netlink.NlAttr;
import org.lvsd.netlink.NlAttrs;

/**
 * Decodes the statistics nests of services and destinations ({@code IPVS_*_ATTR_STATS} with u32
 * counters and u64 byte counts, {@code IPVS_*_ATTR_STATS64} with u64 throughout). Each value is
 * read by its length, so both nests decode alike; {@code IPVS_STATS_ATTR_PAD} is skipped.
 */
final class StatsCodec {
    private StatsCodec() {
    }

    /** The 64-bit nest when present (the kernel sends it since 4.15), otherwise the 32-bit one, otherwise zero. */
    static Stats decode(NlAttrs container, int stats32, int stats64) {
        return container.find(stats64).or(() -> container.find(stats32)).map(a -> decode(a.nestedAttrs()))
                .orElse(Stats.ZERO);
    }

    /** The counters of one statistics nest; missing counters are 0. */
    static Stats decode(NlAttrs s) {
        return new Stats(value(s, IpvsAttr.Stats.CONNS), value(s, IpvsAttr.Stats.INPKTS),
                value(s, IpvsAttr.Stats.OUTPKTS), value(s, IpvsAttr.Stats.INBYTES), value(s, IpvsAttr.Stats.OUTBYTES),
                value(s, IpvsAttr.Stats.CPS), value(s, IpvsAttr.Stats.INPPS), value(s, IpvsAttr.Stats.OUTPPS),
                value(s, IpvsAttr.Stats.INBPS), value(s, IpvsAttr.Stats.OUTBPS));
    }

    private static long value(NlAttrs s, int type) {
        return s.find(type).map(StatsCodec::unsigned).orElse(0L);
    }

    private static long unsigned(NlAttr a) {
        return a.value().length >= 8 ? a.u64() : Integer.toUnsignedLong(a.u32());
    }
}
