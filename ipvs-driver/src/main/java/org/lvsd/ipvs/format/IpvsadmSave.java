package org.lvsd.ipvs.format;

import java.util.List;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.VirtualService;

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
            out.append("-A ").append(svcName).append(" -s ").append(s.service().scheduler())
                    .append(serviceOptions(s.service())).append('\n');
            for (DestinationEntry d : IpvsadmOrder.destinations(s.destinations())) {
                out.append(destinationRule(svcName, d.destination())).append('\n');
            }
        }
        return out.toString();
    }

    private static String serviceOptions(VirtualService svc) {
        StringBuilder b = new StringBuilder();
        if (svc.persistent()) {
            b.append(" -p ").append(Integer.toUnsignedString(svc.timeout()));
            if (svc.key().family() == AddressFamily.INET && svc.netmask() != 0xffffffff) {
                b.append(" -M ").append(ServiceText.dottedMask(svc.netmask()));
            }
            if (svc.key().family() == AddressFamily.INET6 && svc.netmask() != 128) {
                b.append(" -M ").append(svc.netmask());
            }
        }
        if (!svc.persistenceEngine().isEmpty()) {
            b.append(" --pe ").append(svc.persistenceEngine());
        }
        if (svc.flags().contains(ServiceFlag.ONE_PACKET)) {
            b.append(" -o");
        }
        if (ServiceText.hasSchedFlags(svc)) {
            b.append(" -b ").append(ServiceText.schedFlags(svc));
        }
        return b.toString();
    }

    /** print_tunnel_rule and the plain {@code -a} line. */
    private static String destinationRule(String svcName, Destination d) {
        String base = "-a " + svcName + " -r " + AddressText.withPort(d.server().address(), d.server().port()) + " "
                + d.forward().option() + " -w " + d.weight();
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
