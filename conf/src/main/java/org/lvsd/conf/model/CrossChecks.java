package org.lvsd.conf.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks between blocks: tracked scripts and files exist, sync-group members exist and belong
 * to one group only (their tracking weights are ignored unless the group allows them), {@code virtual_server group} names a group, the sync daemon's instance
 * exists, and no two instances share a VRID on one interface and family unless their unicast
 * peers are disjoint or their multicast groups differ.
 */
final class CrossChecks {

    private final KeepalivedConfig c;
    private final Set<String> declared;
    private final Diags d;

    /** {@code declared} holds "KIND NAME" of every named block, read successfully or not. */
    CrossChecks(KeepalivedConfig c, Set<String> declared, Diags d) {
        this.c = c;
        this.declared = declared;
        this.d = d;
    }

    void run() {
        for (VrrpInstance i : c.instances().values()) {
            refs(i.trackScripts(), "track_script", "vrrp_script");
            refs(i.trackFiles(), "track_file", "track_file");
        }
        Map<String, String> groupOf = new HashMap<>();
        for (SyncGroup g : c.syncGroups().values()) {
            refs(g.trackScripts(), "track_script", "vrrp_script");
            refs(g.trackFiles(), "track_file", "track_file");
            for (String m : g.members()) {
                if (!declared.contains("vrrp_instance " + m)) {
                    d.error(g.where(), "vrrp_sync_group " + g.name() + ": member '" + m + "' is not a vrrp_instance");
                }
                VrrpInstance member = c.instances().get(m);
                if (member != null && !g.trackingWeight() && weighted(member)) {
                    d.warning(member.where(), "(" + m + ") tracking weights are ignored in sync group " + g.name()
                            + " unless sync_group_tracking_weight is set");
                }
                String other = groupOf.putIfAbsent(m, g.name());
                if (other != null) {
                    d.error(g.where(), "vrrp_sync_group " + g.name() + ": instance '" + m
                            + "' is already in sync group " + other);
                }
            }
        }
        for (VirtualServer vs : c.virtualServers()) {
            if (vs.address() instanceof VsAddress.Group g && !declared.contains("virtual_server_group " + g.name())) {
                d.error(vs.where(), "virtual_server group '" + g.name() + "' is not defined");
            }
            for (RealServer rs : vs.realServers()) {
                for (Checker ch : rs.checkers()) {
                    if (ch.spec() instanceof CheckSpec.File f && !declared.contains("track_file " + f.trackFile())) {
                        d.error(ch.where(), "FILE_CHECK track_file '" + f.trackFile() + "' is not defined");
                    }
                }
            }
        }
        c.global().lvsSyncDaemon().ifPresent(s -> s.instance().ifPresent(name -> {
            if (!declared.contains("vrrp_instance " + name)) {
                d.error(s.where(), "lvs_sync_daemon: vrrp_instance '" + name + "' is not defined");
            }
        }));
        duplicateVrids();
    }

    /** Whether any tracker of the instance would change its priority rather than fault it. */
    private boolean weighted(VrrpInstance i) {
        boolean ifs = i.trackInterfaces().stream().anyMatch(t -> t.weight() != 0);
        boolean scripts = i.trackScripts().stream().anyMatch(t -> t.weight()
                .orElse(c.scripts().containsKey(t.name()) ? c.scripts().get(t.name()).weight() : 0) != 0);
        boolean files = i.trackFiles().stream().anyMatch(t -> t.weight()
                .orElse(c.trackFiles().containsKey(t.name()) ? c.trackFiles().get(t.name()).weight() : 0) != 0);
        return ifs || scripts || files;
    }

    private void refs(List<TrackRef> refs, String keyword, String kind) {
        for (TrackRef r : refs) {
            if (!declared.contains(kind + " " + r.name())) {
                d.error(r.where(), keyword + " '" + r.name() + "' is not defined");
            }
        }
    }

    /** Compares only instances sharing VRID, family and interface, so huge generated configs stay fast. */
    private void duplicateVrids() {
        Map<String, List<VrrpInstance>> same = new LinkedHashMap<>();
        for (VrrpInstance b : c.instances().values()) {
            String key = b.virtualRouterId() + " " + b.family() + " " + b.iface().orElse("");
            List<VrrpInstance> earlier = same.computeIfAbsent(key, k -> new ArrayList<>());
            earlier.stream().filter(a -> !separated(a, b)).findFirst().ifPresent(a ->
                    d.error(b.where(), "(" + b.name() + ") virtual_router_id " + b.virtualRouterId()
                            + a.iface().map(n -> " on " + n).orElse("") + " is already used by " + a.name()
                            + " at " + a.where()));
            earlier.add(b);
        }
    }

    /** Two instances can share a VRID when their unicast peers are disjoint or their groups differ. */
    private static boolean separated(VrrpInstance a, VrrpInstance b) {
        if (a.unicast() != b.unicast()) {
            return true;
        }
        if (!a.unicast()) {
            return !a.multicastGroup().equals(b.multicastGroup());
        }
        Set<Object> peers = new HashSet<>();
        a.unicastPeers().forEach(p -> peers.add(p.address()));
        return b.unicastPeers().stream().noneMatch(p -> peers.contains(p.address()));
    }
}
