package org.lvsd.controller.daemon;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.lvsd.conf.model.Command;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.model.Notify;
import org.lvsd.conf.model.SyncGroup;
import org.lvsd.conf.model.VrrpInstance;
import org.lvsd.controller.vrrp.InstanceMapping;
import org.lvsd.controller.vrrp.RouteMapping;
import org.lvsd.controller.vrrp.RuleMapping;
import org.lvsd.controller.vrrp.VipMapping;
import org.lvsd.netlink.route.Rule;
import org.lvsd.vrrp.addr.VipSpec;
import org.lvsd.vrrp.addr.VirtualRoute;
import org.lvsd.vrrp.config.InstanceParams;

/**
 * Everything one {@code vrrp_instance} runs with, free of file positions: two equal keys mean a
 * reload leaves the instance running untouched (keepalived reference §3.9 matches instances by
 * name the same way, then compares what they do).
 *
 * @param params                the engine's parameters (VRID, priority, timers, VIPs, trackers...)
 * @param iface                 its {@code interface}
 * @param vips                  the VIPs as programmed (prefix, device, label, scope)
 * @param routes                its {@code virtual_routes}, installed while MASTER
 * @param rules                 its {@code virtual_rules}, installed while MASTER
 * @param notifyScripts         its notify scripts' argv, in the order master, backup, fault, stop,
 *                              any, master_rx_lower_pri (empty = none)
 * @param notifyPriorityChanges {@code notify_priority_changes}
 * @param unicastTtl            {@code unicast_ttl}
 * @param loop                  the loop it runs on (sync groups share one)
 * @param syncGroup             its sync group's name then members, empty outside a group
 */
record InstanceKey(InstanceParams params, String iface, List<VipSpec> vips, List<VirtualRoute> routes,
                   List<Rule> rules, List<List<String>> notifyScripts,
                   boolean notifyPriorityChanges, int unicastTtl, String loop, List<String> syncGroup) {

    InstanceKey {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(iface, "iface");
        vips = List.copyOf(vips);
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
        notifyScripts = List.copyOf(notifyScripts);
        syncGroup = List.copyOf(syncGroup);
    }

    /** The key of {@code vi} in {@code config}, advertising from {@code primary}. */
    static InstanceKey of(VrrpInstance vi, KeepalivedConfig config, InetAddress primary, LoopAssignment loops) {
        String iface = vi.iface().orElse("-");
        Notify n = vi.notifyScripts();
        List<List<String>> notify = new ArrayList<>();
        for (Optional<Command> c : List.of(n.master(), n.backup(), n.fault(), n.stop(), n.any(), n.masterRxLowerPri())) {
            notify.add(c.map(Command::argv).orElse(List.of()));
        }
        List<String> group = new ArrayList<>();
        for (SyncGroup g : config.syncGroups().values()) {
            if (g.members().contains(vi.name())) {
                group.add(g.name());
                group.addAll(g.members());
                break;
            }
        }
        return new InstanceKey(InstanceMapping.params(vi, config, primary), iface, VipMapping.vips(vi),
                RouteMapping.routes(vi), RuleMapping.rules(vi), notify,
                vi.notifyPriorityChanges(), vi.unicastTtl(), loops.loopOf(iface), group);
    }

    /** The other members of its sync group. */
    List<String> groupPeers() {
        return syncGroup.isEmpty() ? List.of() : syncGroup.subList(1, syncGroup.size()).stream()
                .filter(m -> !m.equals(params.name())).toList();
    }
}
