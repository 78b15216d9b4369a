package org.lvsd.conf.model;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code vrrp_instance NAME { ... }} with keepalived's defaults resolved and its traps applied
 * (keepalived.conf(5) "VRRP instance(s)").
 *
 * @param name instance name
 * @param initialState {@code state} (default: MASTER when priority is 255, else BACKUP)
 * @param iface {@code interface}; empty only for unicast instances
 * @param virtualRouterId {@code virtual_router_id} 1..255
 * @param priority {@code priority} 1..255 (default 100; 255 for {@code state MASTER} without one)
 * @param advertInt {@code advert_int} (v2 whole seconds, v3 centiseconds)
 * @param version 2 or 3 (IPv6 forces 3)
 * @param family the address family of the adverts (from the VIPs or peers)
 * @param nopreempt {@code nopreempt}
 * @param preemptDelay {@code preempt_delay}
 * @param garp GARP timing
 * @param lowerPrioNoAdvert {@code lower_prio_no_advert}
 * @param higherPrioSendAdvert {@code higher_prio_send_advert}
 * @param downTimerAdverts {@code down_timer_adverts}
 * @param virtualAddresses {@code virtual_ipaddress}
 * @param excludedAddresses {@code virtual_ipaddress_excluded}
 * @param noVirtualIpaddress {@code no_virtual_ipaddress}
 * @param virtualRoutes {@code virtual_routes}
 * @param virtualRules {@code virtual_rules}
 * @param trackInterfaces {@code track_interface}
 * @param trackScripts {@code track_script}
 * @param trackFiles {@code track_file}
 * @param dontTrackPrimary {@code dont_track_primary}
 * @param sourceAddress {@code mcast_src_ip} / {@code unicast_src_ip}
 * @param multicastGroup {@code mcast_dst_ip}, else the global group of the family
 * @param unicastPeers {@code unicast_peer}
 * @param unicastTtl {@code unicast_ttl} (255)
 * @param checkUnicastSrc {@code check_unicast_src} (also implied by peer TTL limits)
 * @param v3ChecksumAsV2 {@code v3_checksum_as_v2}
 * @param authentication {@code authentication}
 * @param accept {@code accept} / {@code no_accept} resolved
 * @param useVmac {@code use_vmac}
 * @param vmacName name of the VMAC interface, if given
 * @param strict {@code strict_mode} or global {@code vrrp_strict}
 * @param skipCheckAdvAddr {@code skip_check_adv_addr}
 * @param notifyScripts notify scripts
 * @param notifyPriorityChanges {@code notify_priority_changes}
 * @param smtpAlert {@code smtp_alert} (default global smtp_alert_vrrp, else smtp_alert)
 * @param lvsSyncDaemonInterface legacy {@code lvs_sync_daemon_interface}
 * @param where origin
 */
public record VrrpInstance(String name, State initialState, Optional<String> iface, int virtualRouterId,
        int priority, Duration advertInt, int version, AddressFamily family, boolean nopreempt, Duration preemptDelay,
        GarpSettings garp, boolean lowerPrioNoAdvert, boolean higherPrioSendAdvert, int downTimerAdverts,
        List<VirtualAddress> virtualAddresses, List<VirtualAddress> excludedAddresses, boolean noVirtualIpaddress,
        List<VirtualRoute> virtualRoutes, List<VirtualRule> virtualRules, List<TrackInterface> trackInterfaces,
        List<TrackRef> trackScripts, List<TrackRef> trackFiles, boolean dontTrackPrimary,
        Optional<InetAddress> sourceAddress, InetAddress multicastGroup, List<UnicastPeer> unicastPeers,
        int unicastTtl, boolean checkUnicastSrc, boolean v3ChecksumAsV2, Optional<Authentication> authentication,
        boolean accept, boolean useVmac, Optional<String> vmacName, boolean strict, boolean skipCheckAdvAddr,
        Notify notifyScripts, boolean notifyPriorityChanges, boolean smtpAlert, Optional<String> lvsSyncDaemonInterface,
        Where where) {

    /** The initial VRRP state a configuration may ask for. */
    public enum State {
        MASTER,
        BACKUP
    }

    public VrrpInstance {
        virtualAddresses = List.copyOf(virtualAddresses);
        excludedAddresses = List.copyOf(excludedAddresses);
        virtualRoutes = List.copyOf(virtualRoutes);
        virtualRules = List.copyOf(virtualRules);
        trackInterfaces = List.copyOf(trackInterfaces);
        trackScripts = List.copyOf(trackScripts);
        trackFiles = List.copyOf(trackFiles);
        unicastPeers = List.copyOf(unicastPeers);
    }

    /** Whether adverts go to unicast peers rather than the multicast group. */
    public boolean unicast() {
        return !unicastPeers.isEmpty();
    }
}
