package org.lvsd.ipvs.format;

import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;

/** Pieces of service text shared by the listing and the save format (print_service_entry). */
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

    /** The save format's service option: {@code -t 198.51.100.100:80}, {@code -f 42 -6}. */
    static String ruleName(ServiceKey key) {
        if (key.isFwmark()) {
            return "-f " + key.fwmark() + (key.family() == AddressFamily.INET6 ? " -6" : "");
        }
        return key.protocol().option() + " " + AddressText.withPort(key.address(), key.port());
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

    /** An IPv4 netmask as inet_ntoa prints it. */
    static String dottedMask(int mask) {
        return ((mask >>> 24) & 0xff) + "." + ((mask >>> 16) & 0xff) + "." + ((mask >>> 8) & 0xff) + "." + (mask & 0xff);
    }
}
