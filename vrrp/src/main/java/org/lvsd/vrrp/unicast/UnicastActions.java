package org.lvsd.vrrp.unicast;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import org.lvsd.vrrp.codec.IpContext;
import org.lvsd.vrrp.codec.VrrpCodec;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpActions;
import org.lvsd.vrrp.fsm.VrrpListener;
import org.lvsd.vrrp.fsm.VrrpState;
import org.lvsd.vrrp.io.AddressManager;
import org.lvsd.vrrp.io.AdvertTransport;
import org.lvsd.vrrp.wire.GratuitousArp;
import org.lvsd.vrrp.wire.UnsolicitedNeighborAdvert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link VrrpActions} for one unicast instance (keepalived {@code unicast_peer}): each advert is
 * sent to every peer through the {@link UnicastSender} (a {@link RawVrrpSocket}), encoded per peer because the v3 checksum
 * covers the destination (RFC 5798 §5.2.8). Announcements still go out as GARP / unsolicited NA frames on the
 * interface ({@link AdvertTransport#send}, never started for receiving). Send failures are
 * logged, never thrown into the state machine.
 */
public final class UnicastActions implements VrrpActions {

    private static final Logger LOG = LoggerFactory.getLogger(UnicastActions.class);

    private final InstanceParams params;
    private final UnicastSender socket;
    private final AdvertTransport frames;
    private final AddressManager addresses;
    private final VrrpListener listener;
    private final int ttl;

    public UnicastActions(InstanceParams params, UnicastSender socket, AdvertTransport frames,
                          AddressManager addresses, VrrpListener listener) {
        if (!params.unicast()) {
            throw new IllegalArgumentException(params.name() + ": no unicast_peer, use FrameActions");
        }
        if (!socket.source().equals(params.primaryAddress())) {
            throw new IllegalArgumentException(params.name() + ": socket source " + socket.source().getHostAddress()
                    + " is not the instance's unicast_src_ip " + params.primaryAddress().getHostAddress());
        }
        this.params = params;
        this.socket = socket;
        this.ttl = socket.ttl();
        this.frames = Objects.requireNonNull(frames, "frames");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void sendAdvert(int priority) {
        for (InetAddress peer : params.unicastPeers()) {
            byte[] vrrp = VrrpCodec.encode(params.advert(priority), new IpContext(params.primaryAddress(), peer, ttl),
                    params.v3ChecksumAsV2());
            try {
                socket.send(vrrp, peer);
            } catch (IOException e) {
                LOG.warn("{}: sending advert to {} failed: {}", params.name(), peer.getHostAddress(), e.getMessage());
            }
        }
    }

    @Override
    public void announce(int repeat) {
        for (int i = 0; i < repeat; i++) {
            for (InetAddress vip : params.vips()) {
                byte[] frame = vip instanceof Inet4Address v4
                        ? GratuitousArp.frame(frames.interfaceMac(), v4)
                        : UnsolicitedNeighborAdvert.frame(frames.interfaceMac(), (Inet6Address) vip, false);
                try {
                    frames.send(frame);
                } catch (IOException e) {
                    LOG.warn("{}: sending announcement failed: {}", params.name(), e.getMessage());
                }
            }
        }
    }

    @Override
    public void addVips() {
        addresses.add(params.vips());
    }

    @Override
    public void removeVips() {
        addresses.remove(params.vips());
    }

    @Override
    public void notify(Transition transition) {
        listener.notify(transition);
    }

    @Override
    public void masterReceivedLowerPriority(InetAddress from, int priority) {
        listener.masterReceivedLowerPriority(from, priority);
    }

    @Override
    public void priorityChanged(VrrpState state, int from, int to) {
        listener.priorityChanged(state, from, to);
    }
}
