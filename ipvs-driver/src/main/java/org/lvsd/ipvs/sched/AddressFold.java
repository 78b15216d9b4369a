package org.lvsd.ipvs.sched;

import java.net.InetAddress;

/**
 * The kernel's address folding for hashing schedulers: an IPv4 address in host order, or the XOR
 * of an IPv6 address's four 32-bit words (ntohl of {@code ip6[0]^ip6[1]^ip6[2]^ip6[3]}).
 */
final class AddressFold {
    /** Linux GOLDEN_RATIO_32, the hash_32() multiplier. */
    static final int GOLDEN_RATIO_32 = 0x61C88647;
    /** Knuth's multiplier used by dh and lblc/lblcr: 2654435761. */
    static final int KNUTH = (int) 2654435761L;

    private AddressFold() {
    }

    static int fold(InetAddress address) {
        byte[] b = address.getAddress();
        int v = 0;
        for (int i = 0; i < b.length; i += 4) {
            v ^= ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
        }
        return v;
    }

    /** hash_32(val, bits). */
    static int hash32(int val, int bits) {
        return (val * GOLDEN_RATIO_32) >>> (32 - bits);
    }
}
