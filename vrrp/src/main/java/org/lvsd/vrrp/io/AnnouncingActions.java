package org.lvsd.vrrp.io;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpActions;
import org.lvsd.vrrp.fsm.VrrpListener;
import org.lvsd.vrrp.fsm.VrrpState;
import org.lvsd.vrrp.wire.GratuitousArp;
import org.lvsd.vrrp.wire.UnsolicitedNeighborAdvert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every instance does the same way, whatever carries its adverts: announcements are one
 * gratuitous ARP (IPv4, RFC 5227) or unsolicited neighbour advertisement (IPv6, RFC 4861 §7.2.6)
 * per VIP per repeat, written as frames on the interface; VIPs go through the
 * {@link AddressManager}; events go to the {@link VrrpListener}. Subclasses send the adverts
 * (multicast frames, unicast datagrams). A failed send is logged, never thrown into the state
 * machine: VRRP tolerates lost packets.
 */
public abstract class AnnouncingActions implements VrrpActions {

    protected final Logger log = LoggerFactory.getLogger(getClass());
    protected final InstanceParams params;
    protected final AdvertTransport frames;
    private final AddressManager addresses;
    private final VrrpListener listener;

    protected AnnouncingActions(InstanceParams params, AdvertTransport frames, AddressManager addresses,
                                VrrpListener listener) {
        this.params = params;
        this.frames = Objects.requireNonNull(frames, "frames");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void announce(int repeat) {
        for (int i = 0; i < repeat; i++) {
            for (InetAddress vip : params.vips()) {
                sendFrame(announcement(vip), "announcement");
            }
        }
    }

    /**
     * Builds, and returns without sending, the frames of a takeover: the announcement of each VIP
     * (subclasses add their advert), so that the first takeover finds the send path's classes
     * loaded. Sends nothing, touches no VIP, notifies nobody and changes no state.
     */
    public List<byte[]> warmUp() {
        List<byte[]> built = new ArrayList<>();
        for (InetAddress vip : params.vips()) {
            built.add(announcement(vip));
        }
        return built;
    }

    /** One gratuitous ARP (IPv4) or unsolicited neighbour advertisement (IPv6) for {@code vip}. */
    private byte[] announcement(InetAddress vip) {
        return vip instanceof Inet4Address v4
                ? GratuitousArp.frame(frames.interfaceMac(), v4)
                : UnsolicitedNeighborAdvert.frame(frames.interfaceMac(), (Inet6Address) vip, false);
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

    /** Writes one whole frame on the interface; a failure is logged as "sending WHAT failed". */
    protected final void sendFrame(byte[] frame, String what) {
        try {
            frames.send(frame);
        } catch (IOException e) {
            log.warn("{}: sending {} failed: {}", params.name(), what, e.getMessage());
        }
    }
}
