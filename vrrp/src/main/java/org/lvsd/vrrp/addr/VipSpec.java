package org.lvsd.vrrp.addr;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.lvsd.netlink.route.Scope;

/**
 * One {@code virtual_ipaddress} (or {@code virtual_ipaddress_excluded}) entry of keepalived.conf(5):
 * {@code ADDR[/LEN] [brd B] [dev IF] [scope S] [label L] [-nodad] [preferred_lft 0|forever]}.
 *
 * @param address       the VIP
 * @param prefixLength  mask length; keepalived's default is 32 / 128
 * @param device        {@code dev}; empty = the instance's interface
 * @param label         {@code label} (IPv4 only), e.g. "eth0:vip"
 * @param scope         {@link Scope} value; {@code global} by default
 * @param broadcast     {@code brd} (IPv4 only)
 * @param nodad         IPv6: add with {@code IFA_F_NODAD} (keepalived's default; {@code -nodad} clears it)
 * @param deprecated    IPv6: {@code preferred_lft 0}, keepalived's default for a /128 so the VIP is
 *                      never chosen as a source address
 * @param excluded      from {@code virtual_ipaddress_excluded}: installed with the instance's VIPs
 *                      but not carried in adverts
 */
public record VipSpec(InetAddress address, int prefixLength, Optional<String> device, Optional<String> label,
                      int scope, Optional<InetAddress> broadcast, boolean nodad, boolean deprecated,
                      boolean excluded) {

    public VipSpec {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(broadcast, "broadcast");
        boolean v4 = address instanceof Inet4Address;
        int max = v4 ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " for " + address.getHostAddress());
        }
        if (!v4 && (label.isPresent() || broadcast.isPresent())) {
            throw new IllegalArgumentException(address.getHostAddress() + ": label and brd are IPv4 only");
        }
        if (v4 && (nodad || deprecated)) {
            throw new IllegalArgumentException(address.getHostAddress() + ": nodad and preferred_lft are IPv6 only");
        }
    }

    /** keepalived's defaults for a bare address: /32 or /128 on the instance's interface; IPv6 nodad, deprecated. */
    public static VipSpec of(InetAddress address) {
        boolean v6 = !(address instanceof Inet4Address);
        return new VipSpec(address, v6 ? 128 : 32, Optional.empty(), Optional.empty(), Scope.UNIVERSE,
                Optional.empty(), v6, v6, false);
    }

    /** keepalived's defaults with another prefix length (IPv6: deprecated only for /128). */
    public static VipSpec of(InetAddress address, int prefixLength) {
        boolean v6 = !(address instanceof Inet4Address);
        return new VipSpec(address, prefixLength, Optional.empty(), Optional.empty(), Scope.UNIVERSE,
                Optional.empty(), v6, v6 && prefixLength == 128, false);
    }

    public VipSpec withDevice(String dev) {
        return new VipSpec(address, prefixLength, Optional.of(dev), label, scope, broadcast, nodad, deprecated, excluded);
    }

    public VipSpec withLabel(String l) {
        return new VipSpec(address, prefixLength, device, Optional.of(l), scope, broadcast, nodad, deprecated, excluded);
    }

    public VipSpec withScope(int s) {
        return new VipSpec(address, prefixLength, device, label, s, broadcast, nodad, deprecated, excluded);
    }

    public VipSpec withBroadcast(InetAddress b) {
        return new VipSpec(address, prefixLength, device, label, scope, Optional.of(b), nodad, deprecated, excluded);
    }

    /** {@code preferred_lft forever} ({@code false}) or {@code 0} ({@code true}); IPv6 only. */
    public VipSpec withDeprecated(boolean d) {
        return new VipSpec(address, prefixLength, device, label, scope, broadcast, nodad, d, excluded);
    }

    /** {@code -nodad} ({@code false}); IPv6 only. */
    public VipSpec withNodad(boolean n) {
        return new VipSpec(address, prefixLength, device, label, scope, broadcast, n, deprecated, excluded);
    }

    /** The same as a {@code virtual_ipaddress_excluded} entry. */
    public VipSpec asExcluded() {
        return new VipSpec(address, prefixLength, device, label, scope, broadcast, nodad, deprecated, true);
    }

    /** The interface the VIP goes on. */
    public String deviceOr(String instanceInterface) {
        return device.orElse(instanceInterface);
    }
}
