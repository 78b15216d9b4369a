package org.lvsd.ipvs.table;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.lvsd.ipvs.AddressFamily;

/**
 * Client address masking for persistence granularity (ip_vs_sched_persist): IPv4 with the
 * service's 32-bit netmask, IPv6 with its prefix length (ipv6_addr_prefix).
 */
final class PersistenceMask {
    private PersistenceMask() {
    }

    static InetAddress apply(InetAddress client, AddressFamily family, int netmask) {
        byte[] b = client.getAddress();
        if (family == AddressFamily.INET) {
            for (int i = 0; i < 4; i++) {
                b[i] &= (byte) (netmask >>> (24 - 8 * i));
            }
        } else {
            for (int i = 0; i < 16; i++) {
                int bits = Math.max(0, Math.min(8, netmask - 8 * i));
                b[i] &= (byte) (0xff00 >>> bits);
            }
        }
        return address(b);
    }

    /** The virtual address of a fwmark template: the mark in the first 32 bits (network order). */
    static InetAddress fwmarkAddress(int fwmark, AddressFamily family) {
        byte[] b = new byte[family == AddressFamily.INET ? 4 : 16];
        b[0] = (byte) (fwmark >>> 24);
        b[1] = (byte) (fwmark >>> 16);
        b[2] = (byte) (fwmark >>> 8);
        b[3] = (byte) fwmark;
        return address(b);
    }

    private static InetAddress address(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of length " + b.length, e);
        }
    }
}
