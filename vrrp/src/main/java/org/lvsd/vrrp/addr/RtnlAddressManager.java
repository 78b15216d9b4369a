package org.lvsd.vrrp.addr;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lvsd.netlink.AttrWriter;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.NlRequest;
import org.lvsd.netlink.route.AddressSpec;
import org.lvsd.netlink.route.Family;
import org.lvsd.netlink.route.IfAddrCodec;
import org.lvsd.netlink.route.IfAddress;
import org.lvsd.netlink.route.Link;
import org.lvsd.netlink.route.Route;
import org.lvsd.netlink.route.RtNetlink;
import org.lvsd.netlink.route.Rule;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.lvsd.vrrp.io.AddressManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VIPs, virtual routes and virtual rules of one instance, through rtnetlink, in keepalived's
 * order (reference §2.4: VIPs, then routes, then rules; removal in reverse). Idempotent: an
 * address that is already there (EEXIST) or already gone (EADDRNOTAVAIL), a route already there
 * (EEXIST) or gone (ESRCH), a rule already there (EEXIST) or gone (ENOENT) is not an error. Other failures are logged with the VIP and the interface and never
 * thrown into the state machine. Calls come from the instance's thread; the netlink socket may
 * be shared by several managers (its requests are serialised).
 */
public final class RtnlAddressManager implements AddressManager {

    private static final Logger LOG = LoggerFactory.getLogger(RtnlAddressManager.class);
    /** {@code sizeof(struct ifa_cacheinfo)}: prefered, valid, cstamp, tstamp. */
    private static final int CACHEINFO_SIZE = 16;

    private final NetlinkSocket socket;
    private final RtNetlink rtnl;
    private final String instanceInterface;
    private final Map<InetAddress, VipSpec> specs = new LinkedHashMap<>();
    private final List<VirtualRoute> routes;
    private final List<Rule> rules;
    private final Set<InetAddress> held = ConcurrentHashMap.newKeySet();

    /**
     * @param socket            a {@code NETLINK_ROUTE} socket in the namespace of the interfaces
     * @param instanceInterface the instance's {@code interface}: where VIPs without {@code dev} go
     * @param vips              {@code virtual_ipaddress} and {@code virtual_ipaddress_excluded} entries
     * @param routes            {@code virtual_routes}
     * @param rules             {@code virtual_rules}
     */
    public RtnlAddressManager(NetlinkSocket socket, String instanceInterface, List<VipSpec> vips,
                              List<VirtualRoute> routes, List<Rule> rules) {
        this.socket = socket;
        this.rtnl = new RtNetlink(socket);
        this.instanceInterface = instanceInterface;
        for (VipSpec v : vips) {
            if (specs.putIfAbsent(v.address(), v) != null) {
                throw new IllegalArgumentException("VIP " + v.address().getHostAddress() + " configured twice");
            }
        }
        this.routes = List.copyOf(routes);
        this.rules = List.copyOf(rules);
    }

    /**
     * Installs the VIPs in {@code vips} (with their configured options, or keepalived's defaults
     * when not configured), every excluded VIP, then the virtual routes, then the virtual rules.
     */
    @Override
    public void add(List<InetAddress> vips) {
        for (VipSpec v : selected(vips)) {
            Optional<AddressSpec> spec = resolve(v);
            if (spec.isPresent() && addAddress(v, spec.get())) {
                held.add(v.address());
            }
        }
        for (VirtualRoute r : routes) {
            addRoute(r);
        }
        for (Rule r : rules) {
            addRule(r);
        }
    }

    /** Removes the virtual rules, the virtual routes, then the VIPs in {@code vips} and every excluded VIP. */
    @Override
    public void remove(List<InetAddress> vips) {
        for (Rule r : rules) {
            deleteRule(r);
        }
        for (VirtualRoute r : routes) {
            deleteRoute(r);
        }
        for (VipSpec v : selected(vips)) {
            held.remove(v.address());
            resolve(v).ifPresent(spec -> deleteAddress(v, spec));
        }
    }

    /**
     * At start: removes every configured VIP, virtual route and virtual rule that a previous run
     * left in the kernel (a crashed master keeps them). Returns the VIPs it removed.
     */
    public List<InetAddress> removeStale() {
        List<InetAddress> removed = new ArrayList<>();
        for (Rule r : rules) {
            deleteRule(r);
        }
        for (VirtualRoute r : routes) {
            deleteRoute(r);
        }
        for (VipSpec v : specs.values()) {
            Optional<AddressSpec> spec = resolve(v);
            if (spec.isPresent() && present(v, spec.get().ifindex()) && deleteAddress(v, spec.get())) {
                LOG.warn("removed stale VIP {} from {}", v.address().getHostAddress(), deviceOf(v));
                removed.add(v.address());
            }
        }
        return removed;
    }

    /** Whether this manager installed {@code vip} and has not removed it since. */
    public boolean holds(InetAddress vip) {
        return held.contains(vip);
    }

    /**
     * Whether {@code vip} (just reported removed by {@link AddressWatcher}) is one this manager
     * holds and it is really gone from the kernel: then the instance lost it to someone else.
     */
    public boolean lost(InetAddress vip) {
        return holds(vip) && missing().contains(vip);
    }

    /** VIPs this manager holds that are no longer in the kernel (deleted by someone else). */
    public List<InetAddress> missing() {
        List<InetAddress> out = new ArrayList<>();
        for (InetAddress vip : held) {
            VipSpec v = specs.getOrDefault(vip, VipSpec.of(vip));
            Optional<AddressSpec> spec = resolve(v);
            if (spec.isEmpty() || !present(v, spec.get().ifindex())) {
                out.add(vip);
            }
        }
        return out;
    }

    private List<VipSpec> selected(List<InetAddress> vips) {
        List<VipSpec> out = new ArrayList<>();
        for (InetAddress a : vips) {
            out.add(specs.getOrDefault(a, VipSpec.of(a)));
        }
        for (VipSpec v : specs.values()) {
            if (v.excluded() && !vips.contains(v.address())) {
                out.add(v);
            }
        }
        return out;
    }

    private boolean present(VipSpec v, int ifindex) {
        try {
            return rtnl.addresses(ifindex, Family.of(v.address())).stream()
                    .map(IfAddress::address).anyMatch(v.address()::equals);
        } catch (NetlinkException e) {
            LOG.error("reading addresses of {} failed: {}", deviceOf(v), e.getMessage());
            return false;
        }
    }

    /**
     * Whether {@code v} is on its interface now (added, or already there). A plain method, not a
     * lambda: the first takeover of a JVM does not link a call site on its way to the VIP.
     */
    private boolean addAddress(VipSpec v, AddressSpec spec) {
        try {
            socket.request(addRequest(spec, v));
            LOG.info("added VIP {} on {}", spec.describe(), deviceOf(v));
            return true;
        } catch (NetlinkException e) {
            if (e.is(Errno.EEXIST)) {
                LOG.debug("VIP {} already on {}", v.address().getHostAddress(), deviceOf(v));
                return true;
            }
            LOG.error("adding VIP {} on {} failed: {}", v.address().getHostAddress(), deviceOf(v), e.getMessage());
            return false;
        }
    }

    private boolean deleteAddress(VipSpec v, AddressSpec spec) {
        try {
            rtnl.deleteAddress(spec);
            LOG.info("removed VIP {} from {}", spec.describe(), deviceOf(v));
            return true;
        } catch (NetlinkException e) {
            if (e.is(Errno.EADDRNOTAVAIL)) {
                LOG.debug("VIP {} already gone from {}", v.address().getHostAddress(), deviceOf(v));
            } else {
                LOG.error("removing VIP {} from {} failed: {}", v.address().getHostAddress(), deviceOf(v),
                        e.getMessage());
            }
            return false;
        }
    }

    private void addRoute(VirtualRoute r) {
        resolve(r).ifPresent(route -> {
            try {
                rtnl.addRoute(route);
                LOG.info("added virtual route {}", r.describe());
            } catch (NetlinkException e) {
                if (e.is(Errno.EEXIST)) {
                    LOG.debug("virtual route {} already there", r.describe());
                } else {
                    LOG.error("adding virtual route {} failed: {}", r.describe(), e.getMessage());
                }
            }
        });
    }

    private void deleteRoute(VirtualRoute r) {
        resolve(r).ifPresent(route -> {
            try {
                rtnl.deleteRoute(route);
                LOG.info("removed virtual route {}", r.describe());
            } catch (NetlinkException e) {
                if (e.is(Errno.ESRCH)) {
                    LOG.debug("virtual route {} already gone", r.describe());
                } else {
                    LOG.error("removing virtual route {} failed: {}", r.describe(), e.getMessage());
                }
            }
        });
    }

    private void addRule(Rule r) {
        try {
            rtnl.addRule(r);
            LOG.info("added virtual rule {}", r.describe());
        } catch (NetlinkException e) {
            if (e.is(Errno.EEXIST)) {
                LOG.debug("virtual rule {} already there", r.describe());
            } else {
                LOG.error("adding virtual rule {} failed: {}", r.describe(), e.getMessage());
            }
        }
    }

    private void deleteRule(Rule r) {
        try {
            rtnl.deleteRule(r);
            LOG.info("removed virtual rule {}", r.describe());
        } catch (NetlinkException e) {
            if (e.is(Errno.ENOENT)) {
                LOG.debug("virtual rule {} already gone", r.describe());
            } else {
                LOG.error("removing virtual rule {} failed: {}", r.describe(), e.getMessage());
            }
        }
    }

    private Optional<Route> resolve(VirtualRoute r) {
        if (r.device().isEmpty()) {
            return Optional.of(r.route());
        }
        OptionalInt ifindex = ifindex(r.device().get(), "virtual route " + r.describe());
        return ifindex.isPresent() ? Optional.of(r.route().withOif(ifindex.getAsInt())) : Optional.empty();
    }

    private Optional<AddressSpec> resolve(VipSpec v) {
        OptionalInt ifindex = ifindex(deviceOf(v), "VIP " + v.address().getHostAddress());
        if (ifindex.isEmpty()) {
            return Optional.empty();
        }
        int flags = v.nodad() ? IfAddress.F_NODAD : 0;
        return Optional.of(new AddressSpec(ifindex.getAsInt(), v.address(), v.prefixLength(), v.scope(), flags,
                v.label(), v.broadcast()));
    }

    private OptionalInt ifindex(String device, String what) {
        try {
            Optional<Link> link = rtnl.link(device);
            if (link.isEmpty()) {
                LOG.error("{}: no interface {}", what, device);
                return OptionalInt.empty();
            }
            return OptionalInt.of(link.get().ifindex());
        } catch (NetlinkException e) {
            LOG.error("{}: reading interface {} failed: {}", what, device, e.getMessage());
            return OptionalInt.empty();
        }
    }

    private String deviceOf(VipSpec v) {
        return v.deviceOr(instanceInterface);
    }

    /**
     * RTM_NEWADDR for {@code spec}; a deprecated IPv6 VIP also carries {@code IFA_CACHEINFO} with
     * preferred lifetime 0 and an infinite valid lifetime (what {@code ip addr add ... preferred_lft 0} sends).
     */
    static NlRequest addRequest(AddressSpec spec, VipSpec v) {
        NlRequest plain = IfAddrCodec.add(spec);
        if (!v.deprecated()) {
            return plain;
        }
        byte[] cacheinfo = ByteBuffer.allocate(CACHEINFO_SIZE).order(Netlink.ORDER)
                .putInt(0).putInt((int) IfAddress.FOREVER).putInt(0).putInt(0).array();
        byte[] extra = new AttrWriter().bytes(IfAddrCodec.IFA_CACHEINFO, cacheinfo).toBytes();
        byte[] payload = new byte[plain.payload().length + extra.length];
        System.arraycopy(plain.payload(), 0, payload, 0, plain.payload().length);
        System.arraycopy(extra, 0, payload, plain.payload().length, extra.length);
        return new NlRequest(plain.type(), plain.flags(), payload, plain.description() + " preferred_lft 0");
    }
}
