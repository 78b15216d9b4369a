package org.lvsd.ipvs.format;

import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;

/**
 * A {@link TableChange} as the arguments of the ipvsadm(8) command that makes it, for logs, error
 * reports and {@code lvsd -t --diff}: {@code -A -t 198.51.100.100:80 -s rr -p 300},
 * {@code -a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 1 -x 100 -y 10}, {@code -C}. Services
 * are written as the save format writes them ({@link IpvsadmSave}); destinations too, but with
 * their thresholds and with the tunnel options only where they differ from ipvsadm's defaults
 * (IPIP, no port, no checksum). Every line is valid restore input ({@link RestoreParser}) that
 * makes the same change.
 */
public final class IpvsadmCommand {
    private IpvsadmCommand() {
    }

    /** The command's arguments, without the leading {@code ipvsadm}. */
    public static String of(TableChange change) {
        return change.accept(new TableChange.Visitor<>() {
            @Override
            public String addService(VirtualService service) {
                return "-A " + ServiceText.commandName(service.key()) + ServiceText.ruleOptions(service);
            }

            @Override
            public String editService(VirtualService service) {
                return "-E " + ServiceText.commandName(service.key()) + ServiceText.ruleOptions(service);
            }

            @Override
            public String deleteService(ServiceKey key) {
                return "-D " + ServiceText.commandName(key);
            }

            @Override
            public String addDestination(ServiceKey key, Destination destination) {
                return "-a " + ServiceText.commandName(key) + " " + destination(destination);
            }

            @Override
            public String editDestination(ServiceKey key, Destination destination) {
                return "-e " + ServiceText.commandName(key) + " " + destination(destination);
            }

            @Override
            public String deleteDestination(ServiceKey key, RealServer server) {
                return "-d " + ServiceText.commandName(key) + " -r " + AddressText.withPort(server.address(),
                        server.port());
            }

            @Override
            public String flush() {
                return "-C";
            }
        });
    }

    private static String destination(Destination d) {
        StringBuilder b = new StringBuilder(ServiceText.destinationRule(d));
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
}
