package org.lvsd.conf.model;

import java.util.List;
import java.util.Set;

/**
 * {@code lvs_sched NAME} and the scheduler flag keywords ({@code flag-1..3}, {@code sh-port},
 * {@code sh-fallback}, {@code mh-port}, {@code mh-fallback}, {@code ops}, {@code hashed}).
 *
 * @param name IPVS scheduler name
 * @param flags flags in the order given
 */
public record Scheduler(String name, List<String> flags) {

    /** The schedulers IPVS knows (keepalived.conf(5)). */
    public static final Set<String> NAMES =
            Set.of("rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo", "ovf", "lblcr", "sed", "nq", "twos");

    public Scheduler {
        flags = List.copyOf(flags);
    }

    /** This scheduler with {@code more} flags added. */
    public Scheduler withFlags(List<String> more) {
        List<String> all = new java.util.ArrayList<>(flags);
        all.addAll(more);
        return new Scheduler(name, all);
    }
}
