package org.lvsd.controller.daemon;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reload does to the VRRP instances, matched by name (keepalived reference §3.9): an
 * instance whose {@link InstanceKey} is equal keeps running untouched (state, VIPs, timers,
 * counters); one only in the running configuration stops (a MASTER sends priority 0 and removes
 * its VIPs); one only in the new configuration starts; one whose key differs restarts. A sync
 * group restarts as a whole when any of its members restarts, since its members act together.
 *
 * @param unchanged instances left running, in the new configuration's order
 * @param added     instances started, in the new configuration's order
 * @param removed   instances stopped, in the running configuration's order
 * @param changed   instances restarted, in the new configuration's order
 */
record ReloadPlan(List<String> unchanged, List<String> added, List<String> removed, List<String> changed) {

    ReloadPlan {
        unchanged = List.copyOf(unchanged);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** The plan from the {@code running} instances to the {@code next} ones (both in configuration order). */
    static ReloadPlan between(Map<String, InstanceKey> running, Map<String, InstanceKey> next) {
        Set<String> restart = new LinkedHashSet<>();
        for (Map.Entry<String, InstanceKey> e : next.entrySet()) {
            if (!e.getValue().equals(running.get(e.getKey()))) {
                restart.add(e.getKey());
            }
        }
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Map.Entry<String, InstanceKey> e : next.entrySet()) {
                if (!restart.contains(e.getKey()) && e.getValue().groupPeers().stream().anyMatch(restart::contains)) {
                    restart.add(e.getKey());
                    grew = true;
                }
            }
        }
        List<String> unchanged = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (String name : next.keySet()) {
            if (!restart.contains(name)) {
                unchanged.add(name);
            } else if (running.containsKey(name)) {
                changed.add(name);
            } else {
                added.add(name);
            }
        }
        List<String> removed = running.keySet().stream().filter(n -> !next.containsKey(n)).toList();
        return new ReloadPlan(unchanged, added, removed, changed);
    }

    /** Instances that start from scratch: added and changed. */
    Set<String> starting() {
        Set<String> s = new LinkedHashSet<>(added);
        s.addAll(changed);
        return s;
    }

    /** Instances whose running copy stops: removed and changed. */
    Set<String> stopping() {
        Set<String> s = new LinkedHashSet<>(removed);
        s.addAll(changed);
        return s;
    }

    /** One line per instance: {@code vrrp_instance VI_1: unchanged|added|removed|changed (restarts)}. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        unchanged.forEach(n -> out.add("vrrp_instance " + n + ": unchanged"));
        added.forEach(n -> out.add("vrrp_instance " + n + ": added"));
        removed.forEach(n -> out.add("vrrp_instance " + n + ": removed (priority 0, VIPs removed)"));
        changed.forEach(n -> out.add("vrrp_instance " + n + ": changed (restarts)"));
        return out;
    }

    /** {@code VRRP: 1 unchanged, 0 added, 0 removed, 0 changed}. */
    String summary() {
        return "VRRP: " + unchanged.size() + " unchanged, " + added.size() + " added, " + removed.size()
                + " removed, " + changed.size() + " changed";
    }
}
