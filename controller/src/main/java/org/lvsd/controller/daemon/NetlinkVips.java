package org.lvsd.controller.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lvsd.conf.model.IpAddresses;
import org.lvsd.conf.model.VirtualAddress;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.route.AddressSpec;
import org.lvsd.netlink.route.Family;
import org.lvsd.netlink.route.IfAddress;
import org.lvsd.netlink.route.Link;
import org.lvsd.netlink.route.RtNetlink;
import org.lvsd.netlink.route.Scope;
import org.lvsd.vrrp.io.AddressManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VIPs of one instance through rtnetlink: each {@code virtual_ipaddress} with its prefix
 * length, {@code dev} (default: the instance's interface), {@code scope}, {@code label},
 * {@code brd} (an address), {@code nodad} and {@code noprefixroute}. {@code add} also adds the
 * instance's {@code virtual_ipaddress_excluded} (held, never advertised); {@code remove} removes
 * them. Used only on the instance's loop thread; failures are logged, never thrown (VRRP carries
 * on, as keepalived does).
 */
final class NetlinkVips implements AddressManager {

    private static final Logger LOG = LoggerFactory.getLogger(NetlinkVips.class);

    private final String instance;
    private final RtNetlink rtnl;
    private final Map<InetAddress, AddressSpec> specs;
    private final List<InetAddress> excluded;

    private NetlinkVips(String instance, RtNetlink rtnl, Map<InetAddress, AddressSpec> specs,
                        List<InetAddress> excluded) {
        this.instance = instance;
        this.rtnl = rtnl;
        this.specs = specs;
        this.excluded = excluded;
    }

    /**
     * Resolves every address's device now.
     *
     * @throws IOException naming the address and device when the device does not exist
     */
    static NetlinkVips create(String instance, String iface, List<VirtualAddress> vips,
                              List<VirtualAddress> excluded, RtNetlink rtnl) throws IOException {
        Map<InetAddress, AddressSpec> specs = new LinkedHashMap<>();
        List<InetAddress> ex = new ArrayList<>();
        for (VirtualAddress v : vips) {
            specs.put(v.address().address(), spec(v, iface, rtnl));
        }
        for (VirtualAddress v : excluded) {
            specs.put(v.address().address(), spec(v, iface, rtnl));
            ex.add(v.address().address());
        }
        return new NetlinkVips(instance, rtnl, specs, List.copyOf(ex));
    }

    /** Every configured address (advertised and excluded). */
    List<InetAddress> all() {
        return List.copyOf(specs.keySet());
    }

    @Override
    public void add(List<InetAddress> vips) {
        for (InetAddress a : withExcluded(vips)) {
            AddressSpec s = specs.get(a);
            if (s == null) {
                LOG.error("{}: no configuration for address {}", instance, a.getHostAddress());
                continue;
            }
            try {
                rtnl.addAddress(s);
            } catch (NetlinkException e) {
                if (!e.is(Errno.EEXIST)) {
                    LOG.error("{}: cannot add {}: {}", instance, s.describe(), e.getMessage());
                }
            }
        }
    }

    @Override
    public void remove(List<InetAddress> vips) {
        for (InetAddress a : withExcluded(vips)) {
            AddressSpec s = specs.get(a);
            if (s == null) {
                continue;
            }
            try {
                rtnl.deleteAddress(s);
            } catch (NetlinkException e) {
                if (!e.is(Errno.EADDRNOTAVAIL)) {
                    LOG.error("{}: cannot remove {}: {}", instance, s.describe(), e.getMessage());
                }
            }
        }
    }

    private List<InetAddress> withExcluded(List<InetAddress> vips) {
        List<InetAddress> out = new ArrayList<>(vips);
        excluded.stream().filter(a -> !out.contains(a)).forEach(out::add);
        return out;
    }

    private static AddressSpec spec(VirtualAddress v, String iface, RtNetlink rtnl) throws IOException {
        String dev = v.dev().orElse(iface);
        Link link = rtnl.link(dev).orElseThrow(() -> new IOException("virtual_ipaddress " + v.address()
                + ": no interface " + dev + " (" + v.where() + ")"));
        boolean v4 = Family.of(v.address().address()) == Family.INET;
        int flags = (v.nodad() ? IfAddress.F_NODAD : 0) | (v.noprefixroute() ? IfAddress.F_NOPREFIXROUTE : 0);
        AddressSpec s = new AddressSpec(link.ifindex(), v.address().address(), v.address().length(),
                scope(v.scope()), flags, v4 ? v.label() : Optional.empty(), Optional.empty());
        Optional<InetAddress> brd = v.broadcast().flatMap(IpAddresses::parse);
        return v4 && brd.isPresent() ? s.withBroadcast(brd.get()) : s;
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
