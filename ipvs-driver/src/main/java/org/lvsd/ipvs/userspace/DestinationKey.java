package org.lvsd.ipvs.userspace;

import java.util.Objects;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;

/** A destination within its service. */
public record DestinationKey(ServiceKey service, RealServer server) {
    public DestinationKey {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(server, "server");
    }
}
