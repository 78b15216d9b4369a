package org.lvsd.controller.vrrp;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

import org.lvsd.conf.model.Authentication;
import org.lvsd.conf.model.GarpSettings;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.model.UnicastPeer;
import org.lvsd.conf.model.VirtualAddress;
import org.lvsd.conf.model.VrrpInstance;
import org.lvsd.vrrp.codec.AddressFamily;
import org.lvsd.vrrp.codec.VrrpVersion;
import org.lvsd.vrrp.config.GarpParams;
import org.lvsd.vrrp.config.InstanceParams;

/**
 * {@code vrrp_instance} to {@link InstanceParams} (keepalived.conf(5) "VRRP instance(s)"). The
 * conf model has already resolved keepalived's defaults and the {@code global_defs} fallbacks;
 * {@code vrrp_startup_delay} comes from {@code global_defs}. Unicast TTL limits are per peer in
 * keepalived but one range in the engine: the widest range over the peers is used (a peer
 * without limits counts as 0..255). {@code state MASTER} makes an address owner (priority 255)
 * master at once at start; every other instance starts BACKUP and waits a full
 * Master_Down_Interval (reference §2.2 "Startup"; the conf model already applied the rest of
 * {@code state MASTER}: priority 255 when none is given, {@code nopreempt} and
 * {@code preempt_delay} cleared). {@code mcast_dst_ip} (or the global group) is where multicast
 * adverts go and are accepted.
 */
public final class InstanceMapping {

    private InstanceMapping() {
    }

    /** The engine's parameters for {@code vi}, advertising from {@code primary}. */
    public static InstanceParams params(VrrpInstance vi, KeepalivedConfig config, InetAddress primary) {
        InstanceParams.Builder b = InstanceParams.builder(vi.name(), vi.virtualRouterId(), primary)
                .priority(vi.priority())
                .version(vi.version() == 3 ? VrrpVersion.V3 : VrrpVersion.V2)
                .advertInterval(vi.advertInt())
                .preempt(!vi.nopreempt())
                .preemptDelay(vi.preemptDelay())
                .downTimerAdverts(vi.downTimerAdverts())
                .lowerPrioNoAdvert(vi.lowerPrioNoAdvert())
                .higherPrioSendAdvert(vi.higherPrioSendAdvert())
                .garp(garp(vi.garp()))
                .vips(vips(vi))
                .v3ChecksumAsV2(vi.v3ChecksumAsV2())
                .startupDelay(config.global().startupDelay())
                .trackers(TrackerMapping.trackers(vi, config))
                .initialMaster(vi.initialState() == VrrpInstance.State.MASTER)
                .multicastGroup(vi.multicastGroup());
        vi.authentication().ifPresent(a -> b.auth(auth(vi, a)));
        if (vi.unicast()) {
            List<UnicastPeer> peers = vi.unicastPeers();
            int min = peers.stream().mapToInt(p -> p.minTtl().orElse(0)).min().orElse(0);
            int max = peers.stream().mapToInt(p -> p.maxTtl().orElse(255)).max().orElse(255);
            b.unicast(peers.stream().map(UnicastPeer::address).toList(), vi.checkUnicastSrc(), min, max);
        }
        return b.build();
    }

    /**
     * The advert source of {@code vi}: {@code mcast_src_ip} / {@code unicast_src_ip}, else the
     * first address of its family on its interface.
     *
     * @throws IOException naming the interface when it is missing or has no such address
     */
    public static InetAddress primaryAddress(VrrpInstance vi, InterfaceAddresses addresses) throws IOException {
        if (vi.sourceAddress().isPresent()) {
            return vi.sourceAddress().get();
        }
        String iface = vi.iface().orElseThrow(() -> new IOException("no interface and no source address"));
        AddressFamily family = family(vi);
        return addresses.primary(iface, family).orElseThrow(() -> new IOException("interface " + iface + " has no "
                + (family == AddressFamily.INET ? "IPv4" : "IPv6 link-local") + " address"));
    }

    /** The family of {@code vi}'s adverts. */
    public static AddressFamily family(VrrpInstance vi) {
        return vi.family() == org.lvsd.conf.model.AddressFamily.INET6 ? AddressFamily.INET6 : AddressFamily.INET;
    }

    /** The advertised VIPs: every {@code virtual_ipaddress} unless {@code no_virtual_ipaddress}. */
    public static List<InetAddress> vips(VrrpInstance vi) {
        if (vi.noVirtualIpaddress()) {
            return List.of();
        }
        return vi.virtualAddresses().stream().map(VirtualAddress::address).map(p -> p.address()).toList();
    }

    static GarpParams garp(GarpSettings g) {
        return new GarpParams(g.masterDelay(), g.masterRepeat(), g.masterRefresh(), g.masterRefreshRepeat(),
                g.lowerPrioDelay(), g.lowerPrioRepeat());
    }

    private static org.lvsd.vrrp.config.Authentication auth(VrrpInstance vi, Authentication a) {
        if (a.type() == Authentication.Type.AH) {
            throw new IllegalArgumentException(vi.name() + ": auth_type AH is not supported (" + a.where() + ")");
        }
        return org.lvsd.vrrp.config.Authentication.pass(a.password());
    }
}
