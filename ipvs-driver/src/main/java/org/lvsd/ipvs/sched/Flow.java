package org.lvsd.ipvs.sched;

import java.net.InetAddress;
import java.util.Objects;

/** The addresses of a new flow as a scheduler sees them: client (source) and virtual (destination). */
public record Flow(InetAddress clientAddress, int clientPort, InetAddress virtualAddress, int virtualPort) {
    public Flow {
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(virtualAddress, "virtualAddress");
    }
}
