package org.lvsd.controller.mapping;

import java.util.List;
import org.lvsd.conf.Diagnostic;
import org.lvsd.healthcheck.spec.VirtualServerSpec;

/**
 * A whole configuration mapped for the health checkers and the IPVS table.
 *
 * @param virtualServers the virtual servers in configuration order
 * @param diagnostics what could not be mapped; with an error the mapping must not be applied
 */
public record MappedConfig(List<MappedVirtualServer> virtualServers, List<Diagnostic> diagnostics) {

    public MappedConfig {
        virtualServers = List.copyOf(virtualServers);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The pools for {@link org.lvsd.healthcheck.schedule.HealthService#apply}. */
    public List<VirtualServerSpec> healthSpecs() {
        return virtualServers.stream().map(MappedVirtualServer::health).toList();
    }
}
