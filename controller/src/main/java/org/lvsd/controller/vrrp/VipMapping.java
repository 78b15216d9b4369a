package org.lvsd.controller.vrrp;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lvsd.conf.model.IpAddresses;
import org.lvsd.conf.model.VirtualAddress;
import org.lvsd.conf.model.VrrpInstance;
import org.lvsd.netlink.route.Scope;
import org.lvsd.vrrp.addr.VipSpec;

/**
 * {@code virtual_ipaddress} / {@code virtual_ipaddress_excluded} entries to the engine's
 * {@link VipSpec}s: prefix length, {@code dev}, {@code label}, {@code scope}, {@code brd} (an
 * address; {@code +} / {@code -} are not mapped) and, for IPv6, {@code preferred_lft 0|forever}
 * (otherwise keepalived's default: deprecated for a /128). IPv6 VIPs are added without DAD, as
 * keepalived does.
 */
public final class VipMapping {

    private VipMapping() {
    }

    /** The instance's VIPs, then its excluded VIPs; none with {@code no_virtual_ipaddress}. */
    public static List<VipSpec> vips(VrrpInstance vi) {
        List<VipSpec> out = new ArrayList<>();
        if (!vi.noVirtualIpaddress()) {
            vi.virtualAddresses().forEach(v -> out.add(spec(v)));
        }
        vi.excludedAddresses().forEach(v -> out.add(spec(v).asExcluded()));
        return List.copyOf(out);
    }

    static VipSpec spec(VirtualAddress v) {
        boolean v4 = v.address().address() instanceof Inet4Address;
        VipSpec s = VipSpec.of(v.address().address(), v.address().length()).withScope(scope(v.scope()));
        if (v.dev().isPresent()) {
            s = s.withDevice(v.dev().get());
        }
        if (v4 && v.label().isPresent()) {
            s = s.withLabel(v.label().get());
        }
        Optional<java.net.InetAddress> brd = v.broadcast().flatMap(IpAddresses::parse);
        if (v4 && brd.isPresent()) {
            s = s.withBroadcast(brd.get());
        }
        if (!v4 && v.preferredLft().isPresent()) {
            s = s.withDeprecated(v.preferredLft().get().equals("0"));
        }
        return s;
    }

    private static int scope(Optional<String> name) {
        return switch (name.orElse("global")) {
            case "host" -> Scope.HOST;
            case "link" -> Scope.LINK;
            case "site" -> Scope.SITE;
            case "nowhere" -> Scope.NOWHERE;
            default -> Scope.UNIVERSE;
        };
    }
}
