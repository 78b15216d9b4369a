package org.lvsd.ipvs.sched;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lvsd.ipvs.ServiceFlag;

/** The scheduler registry: names the kernel knows and fresh per-service instances. */
public final class Schedulers {
    /**
     * Every scheduler this module implements, in ipvsadm(8)'s order, plus "none" (a service without
     * a scheduler, which the kernel accepts and which schedules nothing).
     */
    public static final List<String> NAMES =
            List.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh", "none");

    private Schedulers() {
    }

    /**
     * A new scheduler instance for a service, or empty for an unknown name (the kernel's ENOENT).
     * {@code flags} carries SCHED1/SCHED2 (sh-fallback/sh-port, mh-fallback/mh-port); {@code clock}
     * drives lblc/lblcr expiry.
     */
    public static Optional<Scheduler> create(String name, Set<ServiceFlag> flags, Clock clock) {
        boolean flag1 = flags.contains(ServiceFlag.SCHED1);
        boolean flag2 = flags.contains(ServiceFlag.SCHED2);
        Scheduler s = switch (name) {
            case "rr" -> new RoundRobin();
            case "wrr" -> new WeightedRoundRobin();
            case "lc" -> new LeastConnection();
            case "wlc" -> new WeightedLeastConnection();
            case "lblc" -> new LocalityBasedLeastConnection(clock);
            case "lblcr" -> new LocalityBasedLeastConnectionReplicated(clock);
            case "dh" -> new DestinationHashing();
            case "sh" -> new SourceHashing(flag1, flag2);
            case "sed" -> new ShortestExpectedDelay();
            case "nq" -> new NeverQueue();
            case "fo" -> new Failover();
            case "ovf" -> new Overflow();
            case "mh" -> new MaglevHashing(flag1, flag2);
            case "none" -> new NoScheduler();
            default -> null;
        };
        return Optional.ofNullable(s);
    }
}
