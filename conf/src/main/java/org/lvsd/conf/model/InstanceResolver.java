package org.lvsd.conf.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an {@link InstanceDraft} into a {@link VrrpInstance}: applies the global defaults,
 * keepalived's traps ({@code state MASTER} without priority is 255 and clears
 * {@code nopreempt}/{@code preempt_delay}; IPv6 forces version 3), the {@code advert_int}
 * rounding of each version, the strict-mode rules of keepalived.conf(5) ({@code vrrp_strict}),
 * and checks what the instance alone can get wrong. Returns empty when an error was reported.
 */
final class InstanceResolver {

    /** Addresses an advert can carry (the count field is one byte). */
    private static final int MAX_VIPS = 255;

    private final Diags d;
    private final GlobalDefs g;
    private final InstanceDraft x;
    private final String who;
    private boolean failed;

    private InstanceResolver(InstanceDraft x, GlobalDefs g, Diags d) {
        this.x = x;
        this.g = g;
        this.d = d;
        this.who = "(" + x.name + ") ";
    }

    static Optional<VrrpInstance> resolve(InstanceDraft x, GlobalDefs g, Diags d) {
        return new InstanceResolver(x, g, d).run();
    }

    private void error(Where w, String message) {
        d.error(w, who + message);
        failed = true;
    }

    private Optional<VrrpInstance> run() {
        AddressFamily family = family();
        int version = x.version.orElse(g.vrrpVersion());
        if (family == AddressFamily.INET6 && version == 2) {
            if (x.version.isPresent()) {
                d.warning(x.where, who + "IPv6 instances use VRRP version 3, version 2 ignored");
            }
            version = 3;
        }
        boolean strict = x.strict.orElse(g.strict());
        if (x.vrid.isEmpty()) {
            if (x.vridGiven) {
                failed = true;
            } else {
                error(x.where, "missing virtual_router_id");
            }
        }
        if (x.iface.isEmpty() && x.peers.isEmpty()) {
            error(x.where, "missing interface (required unless unicast_peer is given)");
        }
        int priority = x.priority.orElse(x.state.orElse(null) == VrrpInstance.State.MASTER ? 255 : 100);
        VrrpInstance.State state = x.state.orElse(priority == 255 ? VrrpInstance.State.MASTER : VrrpInstance.State.BACKUP);
        boolean nopreempt = x.nopreempt;
        Duration preemptDelay = x.preemptDelay.orElse(Duration.ZERO);
        if (state == VrrpInstance.State.MASTER && (nopreempt || x.preemptDelay.isPresent())) {
            d.warning(x.where, who + "nopreempt and preempt_delay do not work with initial state MASTER, cleared");
            nopreempt = false;
            preemptDelay = Duration.ZERO;
        }
        if (nopreempt && priority == 255) {
            error(x.where, "nopreempt is incompatible with priority 255 (address owner)");
        }
        Duration advert = advertInt(version);
        authentication(version, strict);
        int downTimer = x.downTimerAdverts.orElse(g.downTimerAdverts());
        if (strict) {
            strictRules(state, priority, preemptDelay);
            if (downTimer != 3) {
                d.warning(x.where, who + "strict mode resets down_timer_adverts to 3");
                downTimer = 3;
            }
            preemptDelay = Duration.ZERO;
        }
        if (x.vips.isEmpty() && !x.noVips) {
            d.warning(x.where, who + "no virtual_ipaddress given (use no_virtual_ipaddress if intended)");
        }
        InetAddress group = multicastGroup(family);
        peers(family);
        boolean checkSrc = x.checkUnicastSrc || g.checkUnicastSrc()
                || x.peers.stream().anyMatch(p -> p.minTtl().isPresent() || p.maxTtl().isPresent());
        boolean accept = x.accept.orElse(!strict || priority == 255);
        boolean lowerPrioNoAdvert = x.lowerPrioNoAdvert.orElse(g.lowerPrioNoAdvert());
        boolean higherPrioSendAdvert = x.higherPrioSendAdvert.orElse(g.higherPrioSendAdvert());
        if (strict) {
            if (accept && version == 2 && x.accept.isPresent()) {
                d.warning(x.where, who + "strict mode does not allow accept with VRRP version 2, cleared");
                accept = false;
            }
            if (!lowerPrioNoAdvert && x.lowerPrioNoAdvert.isPresent()) {
                d.warning(x.where, who + "strict mode requires lower_prio_no_advert, set");
            }
            lowerPrioNoAdvert = true;
            if (higherPrioSendAdvert) {
                d.warning(x.where, who + "strict mode does not allow higher_prio_send_advert, cleared");
                higherPrioSendAdvert = false;
            }
        }
        if (failed) {
            return Optional.empty();
        }
        List<VirtualAddress> vips = new ArrayList<>();
        List<VirtualAddress> excluded = new ArrayList<>();
        x.vips.forEach(v -> (vips.size() < MAX_VIPS ? vips : excluded).add(v.defaultDev(x.iface)));
        if (x.vips.size() > MAX_VIPS) {
            d.warning(x.vips.get(MAX_VIPS).where(), who + "more than " + MAX_VIPS
                    + " virtual_ipaddress entries, the rest are handled as virtual_ipaddress_excluded");
        }
        x.excluded.forEach(v -> excluded.add(v.defaultDev(x.iface)));
        return Optional.of(new VrrpInstance(x.name, state, x.iface, x.vrid.orElseThrow(), priority, advert, version,
                family, nopreempt, preemptDelay, x.garp.resolve(g.garp()),
                lowerPrioNoAdvert, higherPrioSendAdvert,
                downTimer, vips, excluded, x.noVips, x.routes, x.rules, x.trackInterfaces, x.trackScripts,
                x.trackFiles, x.dontTrackPrimary, x.sourceAddress, group, x.peers, x.unicastTtl.orElse(255), checkSrc,
                x.v3ChecksumAsV2.orElse(g.v3ChecksumAsV2()), x.auth, accept, x.useVmac, x.vmacName, strict,
                x.skipCheckAdvAddr.orElse(g.skipCheckAdvAddr()), x.notify.result(),
                x.notifyPriorityChanges.orElse(g.notifyPriorityChanges()),
                x.smtpAlert.orElse(g.smtp().alertVrrp().orElse(g.smtp().alert())), x.lvsSyncDaemonInterface,
                x.where));
    }

    /** The family of the VIPs (which must agree), else of the peers or source, else IPv4. */
    private AddressFamily family() {
        if (!x.vips.isEmpty()) {
            AddressFamily f = x.vips.get(0).family();
            for (VirtualAddress v : x.vips) {
                if (v.family() != f) {
                    error(v.where(), "virtual_ipaddress mixes IPv4 and IPv6 addresses (" + v.address()
                            + "); put the other family in virtual_ipaddress_excluded");
                    break;
                }
            }
            return f;
        }
        if (!x.peers.isEmpty()) {
            return AddressFamily.of(x.peers.get(0).address());
        }
        return x.sourceAddress.map(AddressFamily::of).orElse(AddressFamily.INET);
    }

    /** v2: whole seconds, rounded, 1..255; v3: centiseconds, 0.01..40.95. */
    private Duration advertInt(int version) {
        if (x.advertInt.isEmpty()) {
            return Duration.ofSeconds(1);
        }
        Stmt s = x.advertInt.get();
        BigDecimal secs = new BigDecimal(s.arg(0).startsWith(".") ? "0" + s.arg(0) : s.arg(0));
        if (version == 2) {
            BigDecimal whole = secs.setScale(0, RoundingMode.HALF_UP);
            if (whole.signum() == 0) {
                d.warning(s.where(), who + "advert_int " + s.arg(0) + " is below 1 s for VRRP version 2, using 1");
                return Duration.ofSeconds(1);
            }
            if (whole.compareTo(BigDecimal.valueOf(255)) > 0) {
                error(s.where(), "advert_int " + s.arg(0) + " out of range 1..255 for VRRP version 2");
                return Duration.ofSeconds(1);
            }
            if (whole.compareTo(secs) != 0) {
                d.warning(s.where(), who + "advert_int " + s.arg(0) + " rounded to " + whole
                        + " s: VRRP version 2 uses whole seconds");
            }
            return Duration.ofSeconds(whole.longValueExact());
        }
        BigDecimal centis = secs.movePointRight(2).setScale(0, RoundingMode.HALF_UP);
        if (centis.compareTo(BigDecimal.ONE) < 0 || centis.compareTo(BigDecimal.valueOf(4095)) > 0) {
            error(s.where(), "advert_int " + s.arg(0) + " out of range 0.01..40.95 for VRRP version 3");
            return Duration.ofSeconds(1);
        }
        return Duration.ofMillis(centis.longValueExact() * 10);
    }

    private void authentication(int version, boolean strict) {
        if (x.auth.isEmpty()) {
            return;
        }
        Where w = x.auth.get().where();
        if (version == 3) {
            error(w, "authentication is not allowed with VRRP version 3");
        } else if (strict) {
            error(w, "authentication is not allowed in strict mode");
        } else if (x.auth.get().type() == Authentication.Type.AH
                && x.vips.stream().anyMatch(v -> v.family() == AddressFamily.INET6)) {
            error(w, "AH authentication is IPv4 only");
        }
    }

    private void strictRules(VrrpInstance.State state, int priority, Duration preemptDelay) {
        if (!x.peers.isEmpty()) {
            error(x.peers.get(0).where(), "unicast_peer is not allowed in strict mode");
        }
        x.vips.stream().filter(v -> v.family() == AddressFamily.INET6).findFirst()
                .filter(v -> !v.address().address().isLinkLocalAddress())
                .ifPresent(v -> error(v.where(), "strict mode requires the first IPv6 virtual_ipaddress to be "
                        + "link-local, got " + v.address()));
        if (x.vips.isEmpty()) {
            error(x.where, "strict mode requires at least one virtual_ipaddress");
        }
        if ((state == VrrpInstance.State.MASTER) != (priority == 255)) {
            d.warning(x.where, who + "strict mode: state MASTER should be used if and only if priority is 255");
        }
        if (!preemptDelay.isZero()) {
            d.warning(x.where, who + "strict mode does not allow preempt_delay, cleared");
        }
    }

    private InetAddress multicastGroup(AddressFamily family) {
        if (x.mcastDstAddress.isPresent()) {
            InetAddress a = x.mcastDstAddress.get();
            if (AddressFamily.of(a) != family || !a.isMulticastAddress()) {
                error(x.mcastDst.orElseThrow().where(), "mcast_dst_ip " + IpAddresses.format(a)
                        + " is not a " + (family == AddressFamily.INET ? "IPv4" : "IPv6")
                        + " multicast address like the instance's");
            }
            return a;
        }
        return family == AddressFamily.INET ? g.mcastGroup4() : g.mcastGroup6();
    }

    private void peers(AddressFamily family) {
        List<UnicastPeer> wrong = x.peers.stream().filter(p -> AddressFamily.of(p.address()) != family).toList();
        if (!wrong.isEmpty()) {
            error(wrong.get(0).where(), "unicast_peer " + IpAddresses.format(wrong.get(0).address())
                    + " is not of the instance's address family");
        }
        x.sourceAddress.filter(a -> AddressFamily.of(a) != family).ifPresent(a ->
                error(x.where, "source address " + IpAddresses.format(a) + " is not of the instance's address family"));
    }
}
