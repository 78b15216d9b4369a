package org.lvsd.controller.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lvsd.conf.model.Where;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.healthcheck.spec.VirtualServerSpec;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.VirtualService;

/**
 * One {@code virtual_server} mapped: its health pool and the IPVS objects it stands for.
 *
 * @param id the pool id ({@link VirtualServerSpec#id()})
 * @param health the pool for the healthcheck module
 * @param services its IPVS services (several for a {@code virtual_server_group})
 * @param destinations each real server's destination at its configured weight, by pool id; a port
 *     of 0 means "the service's port" (see {@link #destinationFor})
 * @param sorryServer the {@code sorry_server} destination at weight 1
 * @param where the {@code virtual_server} line
 */
public record MappedVirtualServer(String id, VirtualServerSpec health, List<VirtualService> services,
        Map<RealServerId, Destination> destinations, Optional<Destination> sorryServer, Where where) {

    public MappedVirtualServer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(sorryServer, "sorryServer");
        Objects.requireNonNull(where, "where");
        services = List.copyOf(services);
        destinations = Collections.unmodifiableMap(new LinkedHashMap<>(destinations));
    }

    /**
     * {@code template} as a destination of {@code service}: a real server given without a port
     * takes the service's port (as ipvsadm(8) does for {@code -r ADDR}); firewall-mark services keep 0.
     */
    public static Destination destinationFor(VirtualService service, Destination template) {
        if (template.server().port() != 0 || service.key().isFwmark()) {
            return template;
        }
        return new Destination(new org.lvsd.ipvs.RealServer(template.server().address(), service.key().port()),
                template.forward(), template.weight(), template.upperThreshold(), template.lowerThreshold(),
                template.tunnelType(), template.tunnelPort(), template.tunnelChecksum());
    }
}
