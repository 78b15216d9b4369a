package org.lvsd.vrrp.unicast;

import java.io.IOException;
import java.net.InetAddress;
import org.lvsd.vrrp.codec.IpContext;
import org.lvsd.vrrp.codec.VrrpCodec;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.fsm.VrrpListener;
import org.lvsd.vrrp.io.AddressManager;
import org.lvsd.vrrp.io.AdvertTransport;
import org.lvsd.vrrp.io.AnnouncingActions;

/**
 * The actions of one unicast instance (keepalived {@code unicast_peer}): each advert is sent to
 * every peer through the {@link UnicastSender} (a {@link RawVrrpSocket}), encoded per peer because
 * the v3 checksum covers the destination (RFC 5798 §5.2.8). Announcements still go out as GARP /
 * unsolicited NA frames on the interface ({@link AnnouncingActions}; the {@link AdvertTransport}
 * is never started for receiving).
 */
public final class UnicastActions extends AnnouncingActions {

    private final UnicastSender socket;
    private final int ttl;

    public UnicastActions(InstanceParams params, UnicastSender socket, AdvertTransport frames,
                          AddressManager addresses, VrrpListener listener) {
        super(requireUnicast(params, socket), frames, addresses, listener);
        this.socket = socket;
        this.ttl = socket.ttl();
    }

    private static InstanceParams requireUnicast(InstanceParams params, UnicastSender socket) {
        if (!params.unicast()) {
            throw new IllegalArgumentException(params.name() + ": no unicast_peer, use FrameActions");
        }
        if (!socket.source().equals(params.primaryAddress())) {
            throw new IllegalArgumentException(params.name() + ": socket source " + socket.source().getHostAddress()
                    + " is not the instance's unicast_src_ip " + params.primaryAddress().getHostAddress());
        }
        return params;
    }

    @Override
    public void sendAdvert(int priority) {
        for (InetAddress peer : params.unicastPeers()) {
            byte[] vrrp = VrrpCodec.encode(params.advert(priority), new IpContext(params.primaryAddress(), peer, ttl),
                    params.v3ChecksumAsV2());
            try {
                socket.send(vrrp, peer);
            } catch (IOException e) {
                log.warn("{}: sending advert to {} failed: {}", params.name(), peer.getHostAddress(), e.getMessage());
            }
        }
    }
}
