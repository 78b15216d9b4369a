package org.lvsd.controller.mapping;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import org.lvsd.conf.model.IpPrefix;
import org.lvsd.ipvs.AddressFamily;

/**
 * {@code persistence_granularity} as the kernel's netmask field (ipvsadm(8) {@code -M}): for an
 * IPv4 service the 32-bit mask, given as a dotted netmask or a prefix length 0..32; for an IPv6
 * service the prefix length 1..128.
 */
final class Granularity {

    private Granularity() {
    }

    /** The netmask value of {@code text} for a service of {@code family}, empty when it does not fit it. */
    static Optional<Integer> netmask(String text, AddressFamily family) {
        if (text.matches("\\d{1,3}")) {
            int len = Integer.parseInt(text);
            if (family == AddressFamily.INET) {
                return len <= 32 ? Optional.of(len == 0 ? 0 : -1 << (32 - len)) : Optional.empty();
            }
            return len >= 1 && len <= 128 ? Optional.of(len) : Optional.empty();
        }
        if (family != AddressFamily.INET) {
            return Optional.empty();
        }
        return IpPrefix.parse(text).map(IpPrefix::address).filter(a -> a instanceof Inet4Address)
                .map(Granularity::bits);
    }

    private static int bits(InetAddress a) {
        byte[] b = a.getAddress();
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }
}
