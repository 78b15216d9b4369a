package org.lvsd.ipvs.userspace.dr;

import java.net.InetAddress;

/** Prefix arithmetic the packet path's route choices share (RFC 4632 §3.1 notation: address/length). */
final class Prefixes {

    private Prefixes() {
    }

    /**
     * True when {@code address} lies in {@code prefix/length}: same family and the first
     * {@code length} bits equal. A length outside the family's width matches nothing.
     */
    static boolean contains(InetAddress prefix, int length, InetAddress address) {
        byte[] p = prefix.getAddress();
        byte[] a = address.getAddress();
        if (p.length != a.length || length < 0 || length > p.length * 8) {
            return false;
        }
        for (int bit = 0; bit < length; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((p[bit / 8] & mask) != (a[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
