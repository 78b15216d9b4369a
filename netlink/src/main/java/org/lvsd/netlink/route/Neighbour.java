package org.lvsd.netlink.route;

import java.net.InetAddress;
import java.util.Optional;

/**
 * A neighbour (ARP / NDP) cache entry.
 *
 * @param ifindex {@code ndm_ifindex}
 * @param address {@code NDA_DST}
 * @param lladdr {@code NDA_LLADDR}: the MAC, absent while unresolved
 * @param state {@code ndm_state}, {@code NUD_*} bits
 * @param flags {@code ndm_flags}, {@code NTF_*}
 */
public record Neighbour(int ifindex, InetAddress address, Optional<HardwareAddress> lladdr, int state, int flags) {
    /** {@code NUD_INCOMPLETE}. */
    public static final int NUD_INCOMPLETE = 0x01;
    /** {@code NUD_REACHABLE}. */
    public static final int NUD_REACHABLE = 0x02;
    /** {@code NUD_STALE}. */
    public static final int NUD_STALE = 0x04;
    /** {@code NUD_DELAY}. */
    public static final int NUD_DELAY = 0x08;
    /** {@code NUD_PROBE}. */
    public static final int NUD_PROBE = 0x10;
    /** {@code NUD_FAILED}. */
    public static final int NUD_FAILED = 0x20;
    /** {@code NUD_NOARP}. */
    public static final int NUD_NOARP = 0x40;
    /** {@code NUD_PERMANENT}. */
    public static final int NUD_PERMANENT = 0x80;

    /** Whether the entry holds a usable link-layer address (not incomplete or failed). */
    public boolean isResolved() {
        return lladdr.isPresent() && (state & (NUD_INCOMPLETE | NUD_FAILED)) == 0;
    }
}
