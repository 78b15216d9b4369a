package org.lvsd.controller.control;

import java.util.List;
import org.lvsd.controller.reconcile.Drain;
import org.lvsd.healthcheck.decision.PoolStatus;

/**
 * What {@code status} shows.
 *
 * @param instances VRRP instances in configuration order
 * @param pools     health-checked pools ({@code HealthService.status()})
 * @param drains    the operator's drains in force
 */
public record StatusReport(List<InstanceStatus> instances, List<PoolStatus> pools, List<Drain> drains) {

    public StatusReport {
        instances = List.copyOf(instances);
        pools = List.copyOf(pools);
        drains = List.copyOf(drains);
    }
}
