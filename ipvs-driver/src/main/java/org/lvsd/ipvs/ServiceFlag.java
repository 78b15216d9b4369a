package org.lvsd.ipvs;

import java.util.EnumSet;
import java.util.Set;

/** Service flags, IP_VS_SVC_F_* in ip_vs.h. SCHED1/2 mean sh-fallback/sh-port for sh, mh-fallback/mh-port for mh. */
public enum ServiceFlag {
    PERSISTENT(0x0001),
    HASHED(0x0002),
    ONE_PACKET(0x0004),
    SCHED1(0x0008),
    SCHED2(0x0010),
    SCHED3(0x0020);

    private final int bit;

    ServiceFlag(int bit) {
        this.bit = bit;
    }

    /** The IP_VS_SVC_F_* bit. */
    public int bit() {
        return bit;
    }

    /** The bit mask of a set of flags. */
    public static int toBits(Set<ServiceFlag> flags) {
        int bits = 0;
        for (ServiceFlag f : flags) {
            bits |= f.bit;
        }
        return bits;
    }

    /** The flags of a bit mask; unknown bits are ignored. */
    public static Set<ServiceFlag> fromBits(int bits) {
        EnumSet<ServiceFlag> set = EnumSet.noneOf(ServiceFlag.class);
        for (ServiceFlag f : values()) {
            if ((bits & f.bit) != 0) {
                set.add(f);
            }
        }
        return Set.copyOf(set);
    }
}
