package org.lvsd.conf.model;

import java.util.Optional;

/**
 * {@code lvs_method NAT|DR|TUN [type ipip|gue port N|gre] [nocsum|csum|remcsum]}.
 *
 * @param kind the forwarding method
 * @param tunnelType for TUN: ipip (default), gue or gre
 * @param tunnelPort for GUE: the UDP port
 * @param checksum for GUE/GRE: nocsum, csum or remcsum
 */
public record ForwardingMethod(Kind kind, Optional<String> tunnelType, Optional<Integer> tunnelPort,
        Optional<String> checksum) {

    /** IPVS forwarding methods. */
    public enum Kind {
        NAT,
        DR,
        TUN
    }

    public static final ForwardingMethod NAT =
            new ForwardingMethod(Kind.NAT, Optional.empty(), Optional.empty(), Optional.empty());
}
