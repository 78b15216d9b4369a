package org.lvsd.vrrp.wire;

import java.util.Objects;
import org.lvsd.vrrp.codec.IpContext;

/**
 * A VRRP message taken out of a received Ethernet frame.
 *
 * @param sourceMac the sender's MAC address
 * @param ip        IP source, destination and TTL / hop limit
 * @param vrrp      the IP payload, without link-layer padding
 */
public record ReceivedVrrp(MacAddress sourceMac, IpContext ip, byte[] vrrp) {

    public ReceivedVrrp {
        Objects.requireNonNull(sourceMac, "sourceMac");
        Objects.requireNonNull(ip, "ip");
        vrrp = vrrp.clone();
    }

    @Override
    public byte[] vrrp() {
        return vrrp.clone();
    }
}
