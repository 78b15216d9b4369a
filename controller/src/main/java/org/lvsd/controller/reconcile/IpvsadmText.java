package org.lvsd.controller.reconcile;

import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;

/**
 * IPVS objects in ipvsadm(8) command-line syntax, for logs and error reports:
 * {@code -t 198.51.100.100:80 -s rr -p 300}, {@code -r 198.51.100.21:80 -g -w 1}.
 */
final class IpvsadmText {

    private IpvsadmText() {
    }

    /** {@code -t|-u|--sctp-service ADDR:PORT} or {@code -f MARK [-6]}. */
    static String service(ServiceKey key) {
        if (key.isFwmark()) {
            return "-f " + key.fwmarkUnsigned() + (key.family() == AddressFamily.INET6 ? " -6" : "");
        }
        return key.protocol().option() + " " + AddressText.withPort(key.address(), key.port());
    }

    /** The service with {@code -s}, {@code -b}, {@code -p}, {@code -M}, {@code --pe} and {@code -o}. */
    static String serviceWithOptions(VirtualService s) {
        StringBuilder b = new StringBuilder(service(s.key())).append(" -s ").append(s.scheduler());
        String flags = schedFlags(s);
        if (!flags.isEmpty()) {
            b.append(" -b ").append(flags);
        }
        if (s.persistent()) {
            b.append(" -p ").append(Integer.toUnsignedString(s.timeout()));
            if (s.netmask() != VirtualService.fullNetmask(s.key().family())) {
                b.append(" -M ").append(s.key().family() == AddressFamily.INET ? dotted(s.netmask())
                        : Integer.toString(s.netmask()));
            }
            if (!s.persistenceEngine().isEmpty()) {
                b.append(" --pe ").append(s.persistenceEngine());
            }
        }
        if (s.flags().contains(ServiceFlag.ONE_PACKET)) {
            b.append(" -o");
        }
        return b.toString();
    }

    /** {@code -r SERVER} with the method, {@code -w}, {@code -x}, {@code -y} and tunnel options. */
    static String destination(Destination d) {
        StringBuilder b = new StringBuilder(server(d)).append(' ').append(d.forward().option())
                .append(" -w ").append(d.weight());
        if (d.upperThreshold() != 0) {
            b.append(" -x ").append(d.upperThreshold());
        }
        if (d.lowerThreshold() != 0) {
            b.append(" -y ").append(d.lowerThreshold());
        }
        if (d.forward() == ForwardMethod.TUNNEL && d.tunnelType() != TunnelType.IPIP) {
            b.append(" --tun-type ").append(d.tunnelType().label());
            if (d.tunnelPort() != 0) {
                b.append(" --tun-port ").append(d.tunnelPort());
            }
            if (d.tunnelChecksum() != TunnelChecksum.NOCSUM) {
                b.append(' ').append(d.tunnelChecksum().option());
            }
        }
        return b.toString();
    }

    private static String server(Destination d) {
        return "-r " + d.server();
    }

    private static String schedFlags(VirtualService s) {
        StringBuilder b = new StringBuilder();
        boolean hashing = s.scheduler().equals("sh") || s.scheduler().equals("mh");
        flag(b, s, ServiceFlag.SCHED1, hashing ? s.scheduler() + "-fallback" : "flag-1");
        flag(b, s, ServiceFlag.SCHED2, hashing ? s.scheduler() + "-port" : "flag-2");
        flag(b, s, ServiceFlag.SCHED3, "flag-3");
        return b.toString();
    }

    private static void flag(StringBuilder b, VirtualService s, ServiceFlag f, String name) {
        if (s.flags().contains(f)) {
            b.append(b.length() == 0 ? "" : ",").append(name);
        }
    }

    private static String dotted(int mask) {
        return (mask >>> 24) + "." + ((mask >>> 16) & 0xff) + "." + ((mask >>> 8) & 0xff) + "." + (mask & 0xff);
    }
}
