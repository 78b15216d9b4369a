package org.lvsd.controller.mapping;

import java.net.InetAddress;
import java.util.Locale;
import org.lvsd.conf.model.ForwardingMethod;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;

/**
 * A real or sorry server as an IPVS destination: {@code lvs_method} NAT is ipvsadm(8)'s
 * {@code -m} (Masq), DR {@code -g} (Route), TUN {@code -i} (Tunnel) with {@code type ipip|gue|gre}
 * ({@code --tun-type}, default ipip), {@code port} ({@code --tun-port}) and
 * {@code nocsum|csum|remcsum} (default nocsum); {@code uthreshold} / {@code lthreshold} are
 * {@code -x} / {@code -y}.
 */
final class DestinationMapper {

    private DestinationMapper() {
    }

    static Destination map(InetAddress address, int port, ForwardingMethod method, int weight, int upper,
            int lower) {
        RealServer server = new RealServer(address, port);
        Destination d = switch (method.kind()) {
            case NAT -> Destination.of(server, ForwardMethod.MASQ, weight);
            case DR -> Destination.of(server, ForwardMethod.ROUTE, weight);
            case TUN -> Destination.of(server, ForwardMethod.TUNNEL, weight).withTunnel(
                    TunnelType.valueOf(method.tunnelType().orElse("ipip").toUpperCase(Locale.ROOT)),
                    method.tunnelPort().orElse(0),
                    TunnelChecksum.valueOf(method.checksum().orElse("nocsum").toUpperCase(Locale.ROOT)));
        };
        return d.withThresholds(upper, lower);
    }
}
