package org.lvsd.vrrp.io;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import org.lvsd.vrrp.codec.AddressFamily;
import org.lvsd.vrrp.codec.IpContext;
import org.lvsd.vrrp.codec.VrrpCodec;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.fsm.VrrpListener;
import org.lvsd.vrrp.wire.AdvertFrames;

/**
 * The actions of one multicast instance: adverts are encoded and framed for the instance's group
 * (224.0.0.18 / ff02::12, RFC 5798 §5.1, or keepalived's {@code mcast_dst_ip}) and written on the interface like the announcements
 * ({@link AnnouncingActions}).
 */
public final class FrameActions extends AnnouncingActions {

    private final IpContext advertIp;
    private int identification;

    public FrameActions(InstanceParams params, AdvertTransport transport, AddressManager addresses,
                        VrrpListener listener) {
        super(requireMulticast(params), transport, addresses, listener);
        this.advertIp = new IpContext(params.primaryAddress(), params.multicastGroup(), AdvertFrames.MULTICAST_TTL);
    }

    private static InstanceParams requireMulticast(InstanceParams params) {
        if (params.unicast()) {
            throw new IllegalArgumentException(params.name() + ": unicast adverts are not supported by FrameActions");
        }
        return params;
    }

    @Override
    public void sendAdvert(int priority) {
        sendFrame(advert(priority, identification++ & 0xffff), "advert");
    }

    /**
     * Also builds the advert the next {@link #sendAdvert} at the configured priority would send
     * (same IPv4 identification: the counter does not move).
     */
    @Override
    public List<byte[]> warmUp() {
        List<byte[]> built = new ArrayList<>(super.warmUp());
        built.add(advert(params.priority(), identification & 0xffff));
        return built;
    }

    private byte[] advert(int priority, int ipIdentification) {
        byte[] vrrp = VrrpCodec.encode(params.advert(priority), advertIp, params.v3ChecksumAsV2());
        return params.family() == AddressFamily.INET
                ? AdvertFrames.ipv4Multicast(frames.interfaceMac(), (Inet4Address) params.primaryAddress(),
                        (Inet4Address) params.multicastGroup(), ipIdentification, vrrp)
                : AdvertFrames.ipv6Multicast(frames.interfaceMac(), (Inet6Address) params.primaryAddress(),
                        (Inet6Address) params.multicastGroup(), vrrp);
    }
}
