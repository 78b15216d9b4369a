package org.lvsd.conf.model;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An address with a prefix length, {@code ADDR[/LEN]}; the length defaults to the full
 * width (32 or 128) as keepalived.conf(5) says for {@code virtual_ipaddress}.
 *
 * @param address the address
 * @param length the prefix length
 */
public record IpPrefix(InetAddress address, int length) {

    public AddressFamily family() {
        return AddressFamily.of(address);
    }

    /** Parses {@code ADDR} or {@code ADDR/LEN}; empty when either part is malformed. */
    public static Optional<IpPrefix> parse(String text) {
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        Optional<InetAddress> a = IpAddresses.parse(addr);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        int max = AddressFamily.of(a.get()) == AddressFamily.INET ? 32 : 128;
        if (slash < 0) {
            return Optional.of(new IpPrefix(a.get(), max));
        }
        String len = text.substring(slash + 1);
        if (!len.matches("\\d{1,3}") || Integer.parseInt(len) > max) {
            return Optional.empty();
        }
        return Optional.of(new IpPrefix(a.get(), Integer.parseInt(len)));
    }

    @Override
    public String toString() {
        return IpAddresses.format(address) + "/" + length;
    }
}
