package org.lvsd.conf.model;

import java.util.Locale;
import java.util.Optional;

/** Reads the statements of {@code vrrp_instance NAME { ... }} into an {@link InstanceDraft}. */
final class VrrpInstanceReader {

    private final Diags d;
    private final InstanceDraft x = new InstanceDraft();

    private VrrpInstanceReader(Diags d) {
        this.d = d;
    }

    static InstanceDraft read(Stmt block, Diags d) {
        VrrpInstanceReader r = new VrrpInstanceReader(d);
        r.x.name = block.arg(0);
        r.x.where = block.where();
        BlockWalker.walk(Block.VRRP_INSTANCE, block.children(), d, r::statement);
        return r.x;
    }

    private void statement(Stmt s) {
        if (x.garp.accept(s, "garp_", d) || x.notify.accept(s, d)) {
            return;
        }
        switch (s.keyword()) {
            case "state" -> state(s);
            case "interface" -> x.iface = Optional.of(s.arg(0));
            case "virtual_router_id" -> {
                x.vridGiven = true;
                x.vrid = Values.integer(s, 0, 1, 255, d).or(() -> x.vrid);
            }
            case "priority" -> x.priority = Values.integer(s, 0, 1, 255, d).or(() -> x.priority);
            case "advert_int" -> {
                if (Values.timer(s, 0, d).isPresent()) {
                    x.advertInt = Optional.of(s);
                }
            }
            case "version" -> x.version = Values.integer(s, 0, 2, 3, d).or(() -> x.version);
            case "nopreempt" -> x.nopreempt = true;
            case "preempt" -> x.nopreempt = false;
            case "preempt_delay" -> Values.timer(s, 0, d).ifPresent(t -> {
                if (t.getSeconds() > 1000 || (t.getSeconds() == 1000 && t.getNano() > 0)) {
                    d.error(s.where(), "preempt_delay " + s.arg(0) + " out of range 0..1000");
                } else {
                    x.preemptDelay = Optional.of(t);
                }
            });
            case "lower_prio_no_advert" -> x.lowerPrioNoAdvert = Values.bool(s, 0, d);
            case "higher_prio_send_advert" -> x.higherPrioSendAdvert = Values.bool(s, 0, d);
            case "down_timer_adverts" -> x.downTimerAdverts = Values.integer(s, 0, 1, 100, d).or(() -> x.downTimerAdverts);
            case "virtual_ipaddress" -> x.vips.addAll(VirtualAddressReader.read(s, d));
            case "virtual_ipaddress_excluded" -> x.excluded.addAll(VirtualAddressReader.read(s, d));
            case "no_virtual_ipaddress" -> x.noVips = true;
            case "virtual_routes" -> x.routes.addAll(VirtualRouteReader.routes(s, d));
            case "virtual_rules" -> x.rules.addAll(VirtualRouteReader.rules(s));
            default -> tracking(s);
        }
    }

    private void tracking(Stmt s) {
        switch (s.keyword()) {
            case "track_interface" -> x.trackInterfaces.addAll(TrackReader.interfaces(s, d));
            case "track_script" -> x.trackScripts.addAll(TrackReader.refs(s, 253, d));
            case "track_file" -> x.trackFiles.addAll(TrackReader.refs(s, 254, d));
            case "dont_track_primary" -> x.dontTrackPrimary = true;
            case "mcast_src_ip", "unicast_src_ip" -> x.sourceAddress = Values.ip(s, 0, d).or(() -> x.sourceAddress);
            case "mcast_dst_ip" -> {
                x.mcastDstAddress = Values.ip(s, 0, d);
                x.mcastDst = x.mcastDstAddress.map(a -> s);
            }
            case "unicast_peer" -> x.peers.addAll(UnicastPeerReader.read(s, d));
            case "unicast_ttl" -> x.unicastTtl = Values.integer(s, 0, 0, 255, d).or(() -> x.unicastTtl);
            case "check_unicast_src" -> x.checkUnicastSrc = true;
            case "v3_checksum_as_v2" -> x.v3ChecksumAsV2 = Values.bool(s, 0, d);
            case "authentication" -> x.auth = AuthenticationReader.read(s, d);
            case "accept" -> x.accept = Optional.of(true);
            case "no_accept" -> x.accept = Optional.of(false);
            case "use_vmac" -> {
                x.useVmac = true;
                x.vmacName = s.size() > 0 ? Optional.of(s.arg(0)) : Optional.empty();
            }
            case "strict_mode" -> x.strict = Values.bool(s, 0, d);
            case "skip_check_adv_addr" -> x.skipCheckAdvAddr = Values.bool(s, 0, d);
            case "notify_priority_changes" -> x.notifyPriorityChanges = Values.bool(s, 0, d);
            case "smtp_alert" -> x.smtpAlert = Values.bool(s, 0, d).or(() -> x.smtpAlert);
            case "lvs_sync_daemon_interface" -> {
                x.lvsSyncDaemonInterface = Optional.of(s.arg(0));
                d.warning(s.where(), "lvs_sync_daemon_interface is deprecated, use lvs_sync_daemon in global_defs");
            }
            default -> d.unhandled(Block.VRRP_INSTANCE, s);
        }
    }

    private void state(Stmt s) {
        switch (s.arg(0).toUpperCase(Locale.ROOT)) {
            case "MASTER" -> x.state = Optional.of(VrrpInstance.State.MASTER);
            case "BACKUP" -> x.state = Optional.of(VrrpInstance.State.BACKUP);
            default -> d.error(s.where(), "state expects MASTER|BACKUP, got '" + s.arg(0) + "'");
        }
    }
}
