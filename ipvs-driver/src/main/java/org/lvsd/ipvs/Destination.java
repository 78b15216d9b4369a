package org.lvsd.ipvs;

import java.util.Objects;

/**
 * A destination's settings (struct ip_vs_dest_user_kern).
 *
 * @param server address and port
 * @param forward forwarding method
 * @param weight weight, 0 stops new connections (ipvsadm accepts 0..65535)
 * @param upperThreshold upper connection threshold, 0 for none
 * @param lowerThreshold lower connection threshold, 0 for "3/4 of the upper"
 * @param tunnelType tunnel encapsulation (meaningful with {@link ForwardMethod#TUNNEL})
 * @param tunnelPort GUE destination port, 0 when unused
 * @param tunnelChecksum GUE/GRE checksum option
 */
public record Destination(RealServer server, ForwardMethod forward, int weight, int upperThreshold,
                          int lowerThreshold, TunnelType tunnelType, int tunnelPort,
                          TunnelChecksum tunnelChecksum) {

    public Destination {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(tunnelType, "tunnelType");
        Objects.requireNonNull(tunnelChecksum, "tunnelChecksum");
    }

    /** A destination with no thresholds and no tunnel options. */
    public static Destination of(RealServer server, ForwardMethod forward, int weight) {
        return new Destination(server, forward, weight, 0, 0, TunnelType.IPIP, 0, TunnelChecksum.NOCSUM);
    }

    /** This destination with another weight. */
    public Destination withWeight(int newWeight) {
        return new Destination(server, forward, newWeight, upperThreshold, lowerThreshold, tunnelType,
                tunnelPort, tunnelChecksum);
    }

    /** This destination with connection thresholds. */
    public Destination withThresholds(int upper, int lower) {
        return new Destination(server, forward, weight, upper, lower, tunnelType, tunnelPort, tunnelChecksum);
    }

    /** This destination as a tunnel of the given type. */
    public Destination withTunnel(TunnelType type, int port, TunnelChecksum checksum) {
        return new Destination(server, ForwardMethod.TUNNEL, weight, upperThreshold, lowerThreshold, type, port,
                checksum);
    }
}
