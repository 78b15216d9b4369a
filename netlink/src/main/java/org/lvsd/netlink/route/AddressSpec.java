package org.lvsd.netlink.route;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An address to add or delete (what {@code ip addr add ADDR/LEN [broadcast B] [label L] [scope S]
 * dev IF} says).
 *
 * @param ifindex interface index
 * @param address the address ({@code IFA_LOCAL} and {@code IFA_ADDRESS})
 * @param prefixLength prefix length, 0..32 or 0..128
 * @param scope {@link Scope} value, {@link Scope#UNIVERSE} for a VIP
 * @param flags {@code IFA_F_*} sent as {@code IFA_FLAGS} when non-zero (e.g. {@link IfAddress#F_NODAD})
 * @param label {@code IFA_LABEL}, IPv4 only; must start with the interface name, at most 15 bytes
 * @param broadcast {@code IFA_BROADCAST}, IPv4 only
 */
public record AddressSpec(int ifindex, InetAddress address, int prefixLength, int scope, int flags,
        Optional<String> label, Optional<InetAddress> broadcast) {

    /** Validates the prefix length and the IPv4-only fields. */
    public AddressSpec {
        int max = Family.of(address) == Family.INET ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " for " + address.getHostAddress());
        }
        if (max == 128 && (label.isPresent() || broadcast.isPresent())) {
            throw new IllegalArgumentException("label and broadcast are IPv4 only");
        }
        if (label.isPresent() && label.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 15) {
            throw new IllegalArgumentException("label longer than IFNAMSIZ-1: " + label.get());
        }
    }

    /** A global-scope address without label, broadcast or flags. */
    public static AddressSpec of(int ifindex, InetAddress address, int prefixLength) {
        return new AddressSpec(ifindex, address, prefixLength, Scope.UNIVERSE, 0, Optional.empty(), Optional.empty());
    }

    /** The same with a label. */
    public AddressSpec withLabel(String l) {
        return new AddressSpec(ifindex, address, prefixLength, scope, flags, Optional.of(l), broadcast);
    }

    /** The same with a broadcast address. */
    public AddressSpec withBroadcast(InetAddress b) {
        return new AddressSpec(ifindex, address, prefixLength, scope, flags, label, Optional.of(b));
    }

    /** The same with another scope. */
    public AddressSpec withScope(int s) {
        return new AddressSpec(ifindex, address, prefixLength, s, flags, label, broadcast);
    }

    /** The same with {@code IFA_F_*} flags. */
    public AddressSpec withFlags(int f) {
        return new AddressSpec(ifindex, address, prefixLength, scope, f, label, broadcast);
    }

    /** "198.51.100.100/24 label eth0:vip on ifindex 2", for messages. */
    public String describe() {
        return address.getHostAddress() + "/" + prefixLength + label.map(l -> " label " + l).orElse("")
                + " on ifindex " + ifindex;
    }
}
