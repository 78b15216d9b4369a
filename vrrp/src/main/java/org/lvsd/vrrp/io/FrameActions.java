package org.lvsd.vrrp.io;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.lvsd.vrrp.codec.AddressFamily;
import org.lvsd.vrrp.codec.IpContext;
import org.lvsd.vrrp.codec.VrrpCodec;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpActions;
import org.lvsd.vrrp.fsm.VrrpListener;
import org.lvsd.vrrp.fsm.VrrpState;
import org.lvsd.vrrp.wire.AdvertFrames;
import org.lvsd.vrrp.wire.GratuitousArp;
import org.lvsd.vrrp.wire.UnsolicitedNeighborAdvert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link VrrpActions} for one multicast instance: adverts are encoded and framed for
 * 224.0.0.18 / ff02::12 (RFC 5798 §5.1), announcements are one GARP (IPv4) or unsolicited NA
 * (IPv6) per VIP per repeat, VIPs go through the {@link AddressManager}, events to the
 * {@link VrrpListener}. A failed send is logged, never thrown into the state machine: VRRP tolerates
 * lost adverts.
 */
public final class FrameActions implements VrrpActions {

    private static final Logger LOG = LoggerFactory.getLogger(FrameActions.class);

    private final InstanceParams params;
    private final AdvertTransport transport;
    private final AddressManager addresses;
    private final VrrpListener listener;
    private final IpContext advertIp;
    private int identification;

    public FrameActions(InstanceParams params, AdvertTransport transport, AddressManager addresses,
                        VrrpListener listener) {
        if (params.unicast()) {
            throw new IllegalArgumentException(params.name() + ": unicast adverts are not supported by FrameActions");
        }
        this.params = params;
        this.transport = Objects.requireNonNull(transport, "transport");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.listener = Objects.requireNonNull(listener, "listener");
        InetAddress group = params.family() == AddressFamily.INET ? AdvertFrames.GROUP_V4 : AdvertFrames.GROUP_V6;
        this.advertIp = new IpContext(params.primaryAddress(), group, AdvertFrames.MULTICAST_TTL);
    }

    @Override
    public void sendAdvert(int priority) {
        byte[] vrrp = VrrpCodec.encode(params.advert(priority), advertIp, params.v3ChecksumAsV2());
        byte[] frame = params.family() == AddressFamily.INET
                ? AdvertFrames.ipv4Multicast(transport.interfaceMac(), (Inet4Address) params.primaryAddress(),
                        identification++ & 0xffff, vrrp)
                : AdvertFrames.ipv6Multicast(transport.interfaceMac(), (Inet6Address) params.primaryAddress(), vrrp);
        send(frame, "advert");
    }

    @Override
    public void announce(int repeat) {
        List<InetAddress> vips = params.vips();
        for (int i = 0; i < repeat; i++) {
            for (InetAddress vip : vips) {
                byte[] frame = vip instanceof Inet4Address v4
                        ? GratuitousArp.frame(transport.interfaceMac(), v4)
                        : UnsolicitedNeighborAdvert.frame(transport.interfaceMac(), (Inet6Address) vip, false);
                send(frame, "announcement");
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

    private void send(byte[] frame, String what) {
        try {
            transport.send(frame);
        } catch (IOException e) {
            LOG.warn("{}: sending {} failed: {}", params.name(), what, e.getMessage());
        }
    }
}
