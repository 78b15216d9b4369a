package org.lvsd.vrrp.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.lvsd.vrrp.codec.AddressFamily;
import org.lvsd.vrrp.codec.AuthType;
import org.lvsd.vrrp.codec.VrrpAdvert;
import org.lvsd.vrrp.codec.VrrpVersion;
import org.lvsd.vrrp.track.TrackerSpec;
import org.lvsd.vrrp.wire.AdvertFrames;

/**
 * Everything one VRRP instance needs, validated. Build with {@link #builder}.
 *
 * @param name                 instance name, used in logs and transitions
 * @param vrid                 Virtual Router ID 1..255 (RFC 5798 §5.2.3)
 * @param version              2 (RFC 3768, IPv4 only) or 3 (RFC 5798)
 * @param family               family of the adverts and of {@code vips}
 * @param priority             base priority 1..255; 255 = address owner (RFC 5798 §5.2.4)
 * @param advertInterval       v2: whole seconds 1..255; v3: 10 ms steps, 10 ms..40.95 s
 * @param preempt              RFC 5798 §6.1 Preempt_Mode; false = keepalived {@code nopreempt}
 * @param preemptDelay         keepalived {@code preempt_delay}, 0..1000 s
 * @param downTimerAdverts     adverts in Master_Down_Interval, 1..100 (RFC: 3)
 * @param lowerPrioNoAdvert    MASTER does not answer a lower-priority advert with an advert
 * @param higherPrioSendAdvert MASTER sends one advert before yielding to a higher priority
 * @param garp                 GARP / NA schedule
 * @param auth                 v2 authentication (NONE for v3)
 * @param vips                 addresses carried in adverts (at most 255)
 * @param primaryAddress       our advert source: the IPv4 primary or IPv6 link-local address;
 *                             used for the tie-break between masters (RFC 5798 §6.4.3)
 * @param v3ChecksumAsV2       IPv4 v3 checksum without pseudo-header (keepalived option)
 * @param unicastPeers         keepalived {@code unicast_peer}: adverts go to these addresses
 *                             instead of the multicast group; empty = multicast
 * @param checkUnicastSource   keepalived {@code check_unicast_src}: accept unicast adverts only
 *                             from {@code unicastPeers}
 * @param unicastMinTtl        lowest TTL accepted in unicast mode (RFC 5798 §7.1 asks 255
 *                             for multicast only)
 * @param unicastMaxTtl        highest TTL accepted in unicast mode
 * @param startupDelay         keepalived {@code vrrp_startup_delay}: nothing happens before it
 * @param trackers             tracked interfaces, scripts and files
 * @param initialMaster        keepalived {@code state MASTER}: together with priority 255 the
 *                             instance takes mastership at once when it starts (reference §2.2
 *                             "Startup"); otherwise it waits a full Master_Down_Interval
 * @param multicastGroup       keepalived {@code mcast_dst_ip}: the group multicast adverts go to
 *                             and are accepted on (default 224.0.0.18 / ff02::12)
 */
public record InstanceParams(String name, int vrid, VrrpVersion version, AddressFamily family,
                             int priority, Duration advertInterval, boolean preempt,
                             Duration preemptDelay, int downTimerAdverts, boolean lowerPrioNoAdvert,
                             boolean higherPrioSendAdvert, GarpParams garp, Authentication auth,
                             List<InetAddress> vips, InetAddress primaryAddress,
                             boolean v3ChecksumAsV2, List<InetAddress> unicastPeers,
                             boolean checkUnicastSource, int unicastMinTtl, int unicastMaxTtl,
                             Duration startupDelay, List<TrackerSpec> trackers, boolean initialMaster,
                             InetAddress multicastGroup) {

    /** The priority of the address owner (RFC 5798 §5.2.4). */
    public static final int OWNER_PRIORITY = 255;

    public InstanceParams {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(garp, "garp");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(primaryAddress, "primaryAddress");
        Objects.requireNonNull(multicastGroup, "multicastGroup");
        vips = List.copyOf(vips);
        unicastPeers = List.copyOf(unicastPeers);
        trackers = List.copyOf(trackers);
        check(vrid >= 1 && vrid <= 255, "virtual_router_id must be 1..255: " + vrid);
        check(priority >= 1 && priority <= 255, "priority must be 1..255: " + priority);
        check(downTimerAdverts >= 1 && downTimerAdverts <= 100, "down_timer_adverts must be 1..100: " + downTimerAdverts);
        check(!preemptDelay.isNegative() && preemptDelay.compareTo(Duration.ofSeconds(1000)) <= 0,
                "preempt_delay must be 0..1000 s: " + preemptDelay);
        check(preempt || preemptDelay.isZero(), "preempt_delay cannot be combined with nopreempt");
        check(preempt || priority != OWNER_PRIORITY, "nopreempt is incompatible with priority 255");
        check(!startupDelay.isNegative(), "negative startup delay");
        check(vips.size() <= 255, "more than 255 VIPs in adverts: " + vips.size());
        for (InetAddress vip : vips) {
            check(family.contains(vip), "VIP " + vip.getHostAddress() + " is not " + family);
        }
        check(family.contains(primaryAddress), "primary address " + primaryAddress.getHostAddress() + " is not " + family);
        check(family.contains(multicastGroup) && multicastGroup.isMulticastAddress(),
                "mcast_dst_ip " + multicastGroup.getHostAddress() + " is not a " + family + " multicast group");
        for (InetAddress peer : unicastPeers) {
            check(family.contains(peer), "unicast peer " + peer.getHostAddress() + " is not " + family);
        }
        check(!checkUnicastSource || !unicastPeers.isEmpty(), "check_unicast_src needs unicast peers");
        check(unicastMinTtl >= 0 && unicastMinTtl <= unicastMaxTtl && unicastMaxTtl <= 255,
                "unicast TTL range must satisfy 0 <= min <= max <= 255");
        long millis = advertInterval.toMillis();
        if (version == VrrpVersion.V2) {
            check(family == AddressFamily.INET, "VRRP version 2 is IPv4 only (RFC 3768)");
            check(advertInterval.toNanos() % 1_000_000_000L == 0 && millis >= 1000 && millis <= 255_000,
                    "v2 advert_int must be whole seconds 1..255: " + advertInterval);
            check(auth.type() != AuthType.AH, "auth_type AH is not supported");
        } else {
            check(advertInterval.toNanos() % 10_000_000L == 0 && millis >= 10 && millis <= 40_950,
                    "v3 advert_int must be 0.01..40.95 s in 10 ms steps: " + advertInterval);
            check(auth.type() == AuthType.NONE, "VRRPv3 has no authentication (RFC 5798 §9)");
        }
    }

    /** The advert interval as carried on the wire: v2 seconds, v3 centiseconds. */
    public int advertIntervalWire() {
        return version == VrrpVersion.V2 ? (int) advertInterval.toSeconds() : (int) (advertInterval.toMillis() / 10);
    }

    /** Unicast mode: adverts go to {@link #unicastPeers()}. */
    public boolean unicast() {
        return !unicastPeers.isEmpty();
    }

    public boolean owner() {
        return priority == OWNER_PRIORITY;
    }

    /** Reference §2.2 "Startup": {@code state MASTER} with priority 255 is master at once. */
    public boolean masterAtStart() {
        return initialMaster && owner();
    }

    /**
     * The advert this instance sends with {@code advertPriority} (its effective priority, or 0
     * when releasing mastership): RFC 5798 §5.2 / RFC 3768 §5.3 fields from these parameters.
     */
    public VrrpAdvert advert(int advertPriority) {
        return version == VrrpVersion.V2
                ? VrrpAdvert.v2(vrid, advertPriority, advertIntervalWire(), vips, auth.type(), auth.data())
                : VrrpAdvert.v3(family, vrid, advertPriority, advertIntervalWire(), vips);
    }

    public static Builder builder(String name, int vrid, InetAddress primaryAddress) {
        return new Builder(name, vrid, primaryAddress);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Defaults are keepalived's: v2, priority 100, 1 s, preempt, 3 down-timer adverts, initial
     * state MASTER exactly when the priority is 255, the RFC 5798 §5.1 multicast group.
     */
    public static final class Builder {
        private final String name;
        private final int vrid;
        private final InetAddress primaryAddress;
        private VrrpVersion version = VrrpVersion.V2;
        private int priority = 100;
        private Duration advertInterval = Duration.ofSeconds(1);
        private boolean preempt = true;
        private Duration preemptDelay = Duration.ZERO;
        private int downTimerAdverts = 3;
        private boolean lowerPrioNoAdvert;
        private boolean higherPrioSendAdvert;
        private GarpParams garp = GarpParams.DEFAULTS;
        private Authentication auth = Authentication.NONE;
        private List<InetAddress> vips = List.of();
        private boolean v3ChecksumAsV2;
        private List<InetAddress> unicastPeers = List.of();
        private boolean checkUnicastSource;
        private int unicastMinTtl;
        private int unicastMaxTtl = 255;
        private Duration startupDelay = Duration.ZERO;
        private List<TrackerSpec> trackers = List.of();
        private Boolean initialMaster;
        private InetAddress multicastGroup;

        private Builder(String name, int vrid, InetAddress primaryAddress) {
            this.name = name;
            this.vrid = vrid;
            this.primaryAddress = primaryAddress;
        }

        public Builder version(VrrpVersion v) {
            this.version = v;
            return this;
        }

        public Builder priority(int p) {
            this.priority = p;
            return this;
        }

        public Builder advertInterval(Duration d) {
            this.advertInterval = d;
            return this;
        }

        public Builder preempt(boolean p) {
            this.preempt = p;
            return this;
        }

        public Builder preemptDelay(Duration d) {
            this.preemptDelay = d;
            return this;
        }

        public Builder downTimerAdverts(int n) {
            this.downTimerAdverts = n;
            return this;
        }

        public Builder lowerPrioNoAdvert(boolean b) {
            this.lowerPrioNoAdvert = b;
            return this;
        }

        public Builder higherPrioSendAdvert(boolean b) {
            this.higherPrioSendAdvert = b;
            return this;
        }

        public Builder garp(GarpParams g) {
            this.garp = g;
            return this;
        }

        public Builder auth(Authentication a) {
            this.auth = a;
            return this;
        }

        public Builder vips(List<InetAddress> v) {
            this.vips = v;
            return this;
        }

        public Builder v3ChecksumAsV2(boolean b) {
            this.v3ChecksumAsV2 = b;
            return this;
        }

        /** Unicast mode: the peers, whether to accept only them, the accepted TTL range. */
        public Builder unicast(List<InetAddress> peers, boolean checkSource, int minTtl, int maxTtl) {
            this.unicastPeers = peers;
            this.checkUnicastSource = checkSource;
            this.unicastMinTtl = minTtl;
            this.unicastMaxTtl = maxTtl;
            return this;
        }

        public Builder startupDelay(Duration d) {
            this.startupDelay = d;
            return this;
        }

        public Builder trackers(List<TrackerSpec> t) {
            this.trackers = t;
            return this;
        }

        /** keepalived {@code state}: true for MASTER, false for BACKUP. */
        public Builder initialMaster(boolean master) {
            this.initialMaster = master;
            return this;
        }

        /** keepalived {@code mcast_dst_ip}. */
        public Builder multicastGroup(InetAddress group) {
            this.multicastGroup = group;
            return this;
        }

        public InstanceParams build() {
            AddressFamily family = AddressFamily.of(primaryAddress);
            InetAddress group = multicastGroup != null ? multicastGroup
                    : family == AddressFamily.INET ? AdvertFrames.GROUP_V4 : AdvertFrames.GROUP_V6;
            return new InstanceParams(name, vrid, version, family, priority,
                    advertInterval, preempt, preemptDelay, downTimerAdverts, lowerPrioNoAdvert,
                    higherPrioSendAdvert, garp, auth, vips, primaryAddress, v3ChecksumAsV2, unicastPeers,
                    checkUnicastSource, unicastMinTtl, unicastMaxTtl, startupDelay, trackers,
                    initialMaster != null ? initialMaster : priority == OWNER_PRIORITY, group);
        }
    }
}
