package org.lvsd.ipvs.format;

import java.util.List;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.ServiceEntry;

/**
 * The text of {@code ipvsadm -Sn} (FMT_RULE): one {@code -A} line per service followed by its
 * {@code -a} lines, sorted like the listing. As in ipvsadm, thresholds ({@code -x}/{@code -y})
 * are not saved.
 */
public final class IpvsadmSave {
    private IpvsadmSave() {
    }

    /** The save text of a table. */
    public static String save(List<ServiceEntry> services) {
        StringBuilder out = new StringBuilder();
        for (ServiceEntry s : IpvsadmOrder.services(services)) {
            String svcName = ServiceText.ruleName(s.service().key());
            out.append("-A ").append(svcName).append(ServiceText.ruleOptions(s.service())).append('\n');
            for (DestinationEntry d : IpvsadmOrder.destinations(s.destinations())) {
                out.append(destinationRule(svcName, d.destination())).append('\n');
            }
        }
        return out.toString();
    }

    /** print_tunnel_rule and the plain {@code -a} line. */
    private static String destinationRule(String svcName, Destination d) {
        String base = "-a " + svcName + " " + ServiceText.destinationRule(d);
        if (d.forward() != ForwardMethod.TUNNEL) {
            return base;
        }
        return switch (d.tunnelType()) {
            case IPIP -> base + " --tun-type ipip";
            case GUE -> base + " --tun-type gue --tun-port " + d.tunnelPort() + " " + d.tunnelChecksum().option();
            case GRE -> base + " --tun-type gre " + d.tunnelChecksum().option();
        };
    }
}
