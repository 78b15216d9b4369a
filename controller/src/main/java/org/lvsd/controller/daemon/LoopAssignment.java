package org.lvsd.controller.daemon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which loop (single-threaded executor) runs each interface: one per interface, except that
 * interfaces joined by a sync group share one, since a sync group's members call each other and
 * must run on one thread.
 */
final class LoopAssignment {

    private final Map<String, String> parent = new HashMap<>();

    /** Interfaces whose instances form one sync group. */
    void join(List<String> interfaces) {
        for (int i = 1; i < interfaces.size(); i++) {
            String a = root(interfaces.get(0));
            String b = root(interfaces.get(i));
            if (a.compareTo(b) < 0) {
                parent.put(b, a);
            } else if (b.compareTo(a) < 0) {
                parent.put(a, b);
            }
        }
    }

    /** The name of the loop running {@code iface}: the smallest interface name of its set. */
    String loopOf(String iface) {
        return root(iface);
    }

    private String root(String iface) {
        String r = iface;
        for (int hops = 0; parent.containsKey(r) && hops <= parent.size(); hops++) {
            r = parent.get(r);
        }
        return r;
    }
}
