package org.lvsd.vrrp.unicast;

import java.util.Objects;
import org.lvsd.vrrp.codec.IpContext;

/**
 * A VRRP message received on a raw IP socket: feed it to {@code AdvertDispatcher.dispatch(ByteBuffer.wrap(vrrp()), ip())}.
 *
 * @param ip   source, destination and TTL / hop limit
 * @param vrrp the IP payload
 */
public record ReceivedIp(IpContext ip, byte[] vrrp) {

    public ReceivedIp {
        Objects.requireNonNull(ip, "ip");
        vrrp = vrrp.clone();
    }

    @Override
    public byte[] vrrp() {
        return vrrp.clone();
    }
}
