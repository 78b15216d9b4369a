package org.lvsd.ipvs.format;

import static org.lvsd.ipvs.format.LargeNumber.padRight;

import java.util.List;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.IpvsInfo;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;

/** The text of {@code ipvsadm -Ln [--stats|--rate|--thresholds|--persistent-conn|--tun-info] [--exact]}. */
public final class IpvsadmListing {
    private static final String PROT_LOCAL = "Prot LocalAddress:Port";

    private IpvsadmListing() {
    }

    /** list_all: version header, column titles, then every service with its destinations. */
    public static String list(IpvsInfo info, List<ServiceEntry> services, ListOptions options) {
        StringBuilder out = new StringBuilder();
        out.append("IP Virtual Server version ").append(info.versionText()).append(" (size=")
                .append(info.connTableSize()).append(")\n");
        out.append(title(options.format()));
        for (ServiceEntry s : options.sort() ? IpvsadmOrder.services(services) : services) {
            appendService(out, s, options);
        }
        return out.toString();
    }

    /** list_service ({@code ipvsadm -Ln -t VIP:PORT}): titles and one service, no version header. */
    public static String listOne(ServiceEntry service, ListOptions options) {
        StringBuilder out = new StringBuilder(title(options.format()));
        appendService(out, service, options);
        return out.toString();
    }

    /** {@code ipvsadm -L --timeout}. */
    public static String timeouts(Timeouts t) {
        return "Timeout (tcp tcpfin udp): " + t.tcp() + " " + t.tcpFin() + " " + t.udp() + "\n";
    }

    static String title(ListFormat format) {
        String remote = "  -> RemoteAddress:Port\n";
        return switch (format) {
            case STATS -> String.format("%-33s %8s %8s %8s %8s %8s", PROT_LOCAL, "Conns", "InPkts", "OutPkts",
                    "InBytes", "OutBytes") + "\n" + remote;
            case RATE -> String.format("%-33s %8s %8s %8s %8s %8s", PROT_LOCAL, "CPS", "InPPS", "OutPPS", "InBPS",
                    "OutBPS") + "\n" + remote;
            case THRESHOLDS -> String.format("%-33s %-10s %-10s %-10s %-10s", PROT_LOCAL, "Uthreshold",
                    "Lthreshold", "ActiveConn", "InActConn") + "\n" + remote;
            case PERSISTENT_CONN -> String.format("%-33s %-9s %-11s %-10s %-10s", PROT_LOCAL, "Weight",
                    "PersistConn", "ActiveConn", "InActConn") + "\n" + remote;
            case TUN_INFO -> "Prot LocalAddress:Port Scheduler Flags\n"
                    + "  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn\n";
            case DEFAULT -> "Prot LocalAddress:Port Scheduler Flags\n"
                    + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n";
        };
    }

    private static void appendService(StringBuilder out, ServiceEntry entry, ListOptions options) {
        VirtualService svc = entry.service();
        String name = ServiceText.listName(svc.key());
        boolean exact = options.exact();
        switch (options.format()) {
            case STATS -> {
                Stats s = entry.stats();
                out.append(padRight(name, 33)).append(numbers(exact, s.conns(), s.inPkts(), s.outPkts(), s.inBytes(),
                        s.outBytes()));
            }
            case RATE -> {
                Stats s = entry.stats();
                out.append(padRight(name, 33)).append(numbers(exact, s.cps(), s.inPps(), s.outPps(), s.inBps(),
                        s.outBps()));
            }
            default -> out.append(name).append(' ').append(svc.scheduler()).append(serviceSuffix(svc));
        }
        out.append('\n');
        List<DestinationEntry> dests = options.sort() ? IpvsadmOrder.destinations(entry.destinations())
                : entry.destinations();
        for (DestinationEntry d : dests) {
            out.append(destinationLine(d, options)).append('\n');
        }
    }

    private static String serviceSuffix(VirtualService svc) {
        StringBuilder b = new StringBuilder();
        if (ServiceText.hasSchedFlags(svc)) {
            b.append(" (").append(ServiceText.schedFlags(svc)).append(')');
        }
        if (svc.persistent()) {
            b.append(" persistent ").append(Integer.toUnsignedString(svc.timeout()));
            if (svc.key().family() == AddressFamily.INET && svc.netmask() != 0xffffffff) {
                b.append(" mask ").append(ServiceText.dottedMask(svc.netmask()));
            }
            if (svc.key().family() == AddressFamily.INET6 && svc.netmask() != 128) {
                b.append(" mask ").append(svc.netmask());
            }
            if (!svc.persistenceEngine().isEmpty()) {
                b.append(" pe ").append(svc.persistenceEngine());
            }
        }
        if (svc.flags().contains(ServiceFlag.ONE_PACKET)) {
            b.append(" ops");
        }
        return b.toString();
    }

    private static String destinationLine(DestinationEntry entry, ListOptions options) {
        Destination d = entry.destination();
        String dname = AddressText.withPort(d.server().address(), d.server().port());
        if (d.server().family() != AddressFamily.INET6 && dname.length() > 28) {
            dname = dname.substring(0, 28);
        }
        String head = "  -> " + padRight(dname, 28);
        Stats s = entry.stats();
        boolean exact = options.exact();
        return switch (options.format()) {
            case STATS -> head + numbers(exact, s.conns(), s.inPkts(), s.outPkts(), s.inBytes(), s.outBytes());
            case RATE -> head + String.format(" %8s %8s %8s", Long.toUnsignedString(s.cps()),
                    Long.toUnsignedString(s.inPps()), Long.toUnsignedString(s.outPps()))
                    + numbers(exact, s.inBps(), s.outBps());
            case THRESHOLDS -> head + String.format(" %-10s %-10s %-10s %-10s", unsigned(d.upperThreshold()),
                    unsigned(d.lowerThreshold()), unsigned(entry.activeConns()), unsigned(entry.inactConns()));
            case PERSISTENT_CONN -> head + String.format(" %-9s %-11s %-10s %-10s", unsigned(d.weight()),
                    unsigned(entry.persistConns()), unsigned(entry.activeConns()), unsigned(entry.inactConns()));
            case TUN_INFO -> head + String.format(" %-7s %-13s %-6d %-10s %-10s", d.forward().label(), tunnelInfo(d),
                    d.weight(), unsigned(entry.activeConns()), unsigned(entry.inactConns()));
            case DEFAULT -> head + String.format(" %-7s %-6d %-10s %-10s", d.forward().label(), d.weight(),
                    unsigned(entry.activeConns()), unsigned(entry.inactConns()));
        };
    }

    /** fwd_tun_info: "ipip", "gue:6080:-c", "gre:+c"; "n/a" for non-tunnels. */
    private static String tunnelInfo(Destination d) {
        if (d.forward() != ForwardMethod.TUNNEL) {
            return "n/a";
        }
        TunnelType t = d.tunnelType();
        return switch (t) {
            case IPIP -> t.label();
            case GUE -> truncate15(t.label() + ":" + d.tunnelPort() + ":" + d.tunnelChecksum().shortLabel());
            case GRE -> t.label() + ":" + d.tunnelChecksum().shortLabel();
        };
    }

    /** ipvsadm formats the tunnel info into a 16-byte buffer. */
    private static String truncate15(String s) {
        return s.length() > 15 ? s.substring(0, 15) : s;
    }

    private static String numbers(boolean exact, long... values) {
        StringBuilder b = new StringBuilder();
        for (long v : values) {
            b.append(LargeNumber.format(v, exact));
        }
        return b.toString();
    }

    private static String unsigned(int v) {
        return Integer.toUnsignedString(v);
    }
}
