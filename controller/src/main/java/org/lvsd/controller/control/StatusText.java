package org.lvsd.controller.control;

import java.util.stream.Collectors;
import org.lvsd.controller.reconcile.Drain;
import org.lvsd.healthcheck.decision.PoolStatus;
import org.lvsd.ipvs.AddressText;
import org.lvsd.vrrp.fsm.Transition;

/** The human form of {@code status} (also the SIGUSR1 state dump). */
public final class StatusText {

    private StatusText() {
    }

    public static String render(StatusReport report) {
        StringBuilder out = new StringBuilder();
        out.append("VRRP instances:").append(report.instances().isEmpty() ? " none\n" : "\n");
        for (InstanceStatus i : report.instances()) {
            out.append("  ").append(i.name()).append(": ").append(i.state()).append(", priority ").append(i.priority())
                    .append(", VIPs ").append(i.vips().isEmpty() ? "none" : i.vips().stream()
                            .map(AddressText::format).collect(Collectors.joining(" "))).append('\n');
            for (TimedTransition t : i.transitions()) {
                Transition tr = t.transition();
                out.append("    ").append(t.at()).append(' ').append(tr.from()).append(" -> ").append(tr.to())
                        .append(" (priority ").append(tr.priority()).append("): ").append(tr.reason()).append('\n');
            }
        }
        out.append("Virtual servers:").append(report.pools().isEmpty() ? " none\n" : "\n");
        for (PoolStatus p : report.pools()) {
            out.append("  ").append(p.virtualServer()).append(": quorum ").append(p.quorumUp() ? "up" : "down")
                    .append(", alive weight ").append(p.aliveWeight())
                    .append(p.sorryServerActive() ? ", sorry server active" : "").append('\n');
            for (PoolStatus.Server s : p.servers()) {
                out.append("    ").append(StatusJson.text(s.server())).append(' ').append(s.up() ? "up" : "down").append(", weight ")
                        .append(s.weight()).append(": ").append(s.reason()).append('\n');
            }
        }
        out.append("Drained:").append(report.drains().isEmpty() ? " none\n" : "\n");
        for (Drain d : report.drains()) {
            out.append("  ").append(StatusJson.text(d.server())).append(" in ").append(d.virtualServer().orElse("every virtual server"))
                    .append('\n');
        }
        return out.toString();
    }
}
