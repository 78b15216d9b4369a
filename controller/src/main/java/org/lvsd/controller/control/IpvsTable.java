package org.lvsd.controller.control;

import java.util.List;
import java.util.Objects;
import org.lvsd.ipvs.IpvsInfo;
import org.lvsd.ipvs.ServiceEntry;

/** The IPVS table as listed: version header data and services. */
public record IpvsTable(IpvsInfo info, List<ServiceEntry> services) {

    public IpvsTable {
        Objects.requireNonNull(info, "info");
        services = List.copyOf(services);
    }
}
