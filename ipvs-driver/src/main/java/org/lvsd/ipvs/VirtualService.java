package org.lvsd.ipvs;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A virtual service's settings (struct ip_vs_service_user_kern).
 *
 * @param key the service identity
 * @param scheduler scheduler name ("rr", "wlc", "mh", ...)
 * @param flags IP_VS_SVC_F_* flags; {@link ServiceFlag#PERSISTENT} turns persistence on
 * @param timeout persistence timeout in seconds (used with PERSISTENT)
 * @param netmask persistence granularity: for IPv4 the mask as a 32-bit value (0xffffffff for
 *     per-client), for IPv6 the prefix length (128 for per-client)
 * @param persistenceEngine persistence engine name ("sip"), empty for none
 */
public record VirtualService(ServiceKey key, String scheduler, Set<ServiceFlag> flags, int timeout, int netmask,
                             String persistenceEngine) {

    /** The kernel's and ipvsadm's default persistence timeout, IPVS_SVC_PERSISTENT_TIMEOUT. */
    public static final int DEFAULT_PERSISTENT_TIMEOUT = 300;

    public VirtualService {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scheduler, "scheduler");
        flags = Set.copyOf(flags);
        persistenceEngine = persistenceEngine == null ? "" : persistenceEngine;
    }

    /** A non-persistent service with the per-client netmask of its family. */
    public static VirtualService of(ServiceKey key, String scheduler) {
        return new VirtualService(key, scheduler, Set.of(), 0, fullNetmask(key.family()), "");
    }

    /** The per-client netmask: 0xffffffff for IPv4, prefix 128 for IPv6. */
    public static int fullNetmask(AddressFamily family) {
        return family == AddressFamily.INET ? 0xffffffff : 128;
    }

    /** True when PERSISTENT is set. */
    public boolean persistent() {
        return flags.contains(ServiceFlag.PERSISTENT);
    }

    /** This service made persistent with a timeout and netmask. */
    public VirtualService withPersistence(int timeoutSeconds, int mask) {
        EnumSet<ServiceFlag> f = EnumSet.of(ServiceFlag.PERSISTENT);
        f.addAll(flags);
        return new VirtualService(key, scheduler, f, timeoutSeconds, mask, persistenceEngine);
    }

    /** This service with extra flags. */
    public VirtualService withFlags(ServiceFlag... extra) {
        EnumSet<ServiceFlag> f = EnumSet.noneOf(ServiceFlag.class);
        f.addAll(flags);
        f.addAll(List.of(extra));
        return new VirtualService(key, scheduler, f, timeout, netmask, persistenceEngine);
    }
}
