package org.lvsd.ipvs.format;

import java.util.Optional;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;

/**
 * Pieces of service and destination text shared by the listing, the save format
 * (print_service_entry) and the command lines of {@link IpvsadmCommand}.
 */
final class ServiceText {
    private ServiceText() {
    }

    /** The listing's service name: {@code "%-4s %s"} of protocol and address, or {@code "FWM  %d"}. */
    static String listName(ServiceKey key) {
        if (key.isFwmark()) {
            return "FWM  " + key.fwmark() + (key.family() == AddressFamily.INET6 ? " IPv6" : "");
        }
        String name = LargeNumber.padRight(key.protocol().label(), 4) + " "
                + AddressText.withPort(key.address(), key.port());
        return key.family() == AddressFamily.INET6 || name.length() <= 33 ? name : name.substring(0, 33);
    }

    /**
     * The save format's service option: {@code -t 198.51.100.100:80}, {@code -f 42 -6}; the mark
     * printed signed, as ipvsadm's {@code %d} does.
     */
    static String ruleName(ServiceKey key) {
        return optionName(key, Integer.toString(key.fwmark()));
    }

    /** The service option of a command line, the mark unsigned as ipvsadm parses it. */
    static String commandName(ServiceKey key) {
        return optionName(key, Long.toString(key.fwmarkUnsigned()));
    }

    private static String optionName(ServiceKey key, String mark) {
        if (key.isFwmark()) {
            return "-f " + mark + (key.family() == AddressFamily.INET6 ? " -6" : "");
        }
        return key.protocol().option() + " " + AddressText.withPort(key.address(), key.port());
    }

    /**
     * A service rule after its service option: {@code -s} and, in the save format's order,
     * {@code -p}, {@code -M}, {@code --pe}, {@code -o} and {@code -b}.
     */
    static String ruleOptions(VirtualService svc) {
        StringBuilder b = new StringBuilder(" -s ").append(svc.scheduler());
        if (svc.persistent()) {
            b.append(" -p ").append(Integer.toUnsignedString(svc.timeout()));
            persistenceMask(svc).ifPresent(m -> b.append(" -M ").append(m));
        }
        if (!svc.persistenceEngine().isEmpty()) {
            b.append(" --pe ").append(svc.persistenceEngine());
        }
        if (svc.flags().contains(ServiceFlag.ONE_PACKET)) {
            b.append(" -o");
        }
        if (hasSchedFlags(svc)) {
            b.append(" -b ").append(schedFlags(svc));
        }
        return b.toString();
    }

    /** A destination rule's server, method and weight: {@code -r 198.51.100.21:80 -g -w 1}. */
    static String destinationRule(Destination d) {
        return "-r " + AddressText.withPort(d.server().address(), d.server().port()) + " " + d.forward().option()
                + " -w " + d.weight();
    }

    /** print_sched_flags: "sh-fallback,sh-port", "mh-port", "flag-1,flag-3"; empty when none. */
    static String schedFlags(VirtualService svc) {
        StringBuilder b = new StringBuilder();
        boolean f1 = svc.flags().contains(ServiceFlag.SCHED1);
        boolean f2 = svc.flags().contains(ServiceFlag.SCHED2);
        boolean f3 = svc.flags().contains(ServiceFlag.SCHED3);
        if (svc.scheduler().equals("sh") || svc.scheduler().equals("mh")) {
            String prefix = svc.scheduler();
            append(b, f1, prefix + "-fallback");
            append(b, f2, prefix + "-port");
        } else {
            append(b, f1, "flag-1");
            append(b, f2, "flag-2");
            append(b, f3, "flag-3");
        }
        return b.toString();
    }

    static boolean hasSchedFlags(VirtualService svc) {
        return svc.flags().contains(ServiceFlag.SCHED1) || svc.flags().contains(ServiceFlag.SCHED2)
                || svc.flags().contains(ServiceFlag.SCHED3);
    }

    private static void append(StringBuilder b, boolean on, String flag) {
        if (on) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(flag);
        }
    }

    /**
     * A persistent service's netmask as print_service_entry shows it, in the listing after
     * {@code mask} and in the save format after {@code -M}: IPv4 as inet_ntoa prints it, IPv6 as
     * a prefix length; empty for the host mask (255.255.255.255, 128), which is not shown.
     */
    static Optional<String> persistenceMask(VirtualService svc) {
        int mask = svc.netmask();
        if (svc.key().family() == AddressFamily.INET && mask != 0xffffffff) {
            return Optional.of(((mask >>> 24) & 0xff) + "." + ((mask >>> 16) & 0xff) + "." + ((mask >>> 8) & 0xff)
                    + "." + (mask & 0xff));
        }
        if (svc.key().family() == AddressFamily.INET6 && mask != 128) {
            return Optional.of(Integer.toString(mask));
        }
        return Optional.empty();
    }
}
