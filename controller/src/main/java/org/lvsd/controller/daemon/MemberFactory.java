package org.lvsd.controller.daemon;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lvsd.conf.model.VrrpInstance;
import org.lvsd.controller.control.TransitionHistory;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.lvsd.vrrp.addr.RtnlAddressManager;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.fsm.VrrpActions;
import org.lvsd.vrrp.fsm.VrrpListener;
import org.lvsd.vrrp.io.AnnouncingActions;
import org.lvsd.vrrp.io.FrameActions;
import org.lvsd.vrrp.io.PcapAdvertTransport;
import org.lvsd.vrrp.rx.AdvertReceiver;
import org.lvsd.vrrp.unicast.RawVrrpSocket;
import org.lvsd.vrrp.unicast.UnicastActions;

/**
 * Builds one {@link Member} from its {@link InstanceKey} (vrrp/README.md's wiring): its loop, the
 * pcap transport of its interface and family (frames: adverts of multicast instances, GARPs of
 * all), a raw socket of its own when unicast, VIPs through {@link RtnlAddressManager}, and its
 * listener: the log and notifies, then the {@link TransitionHistory} {@code status} shows. Nothing
 * is sent until the instance starts; the actions build their takeover frames once without sending
 * them ({@link AnnouncingActions#warmUp}), so a backup's first takeover does not load classes.
 */
final class MemberFactory {

    /** Transitions kept per instance for {@code status}. */
    static final int HISTORY = 8;

    private final NetlinkSocket rtnl;
    private final Notifies notifies;
    private final Ports ports;
    private final Map<String, Loop> loops;

    MemberFactory(NetlinkSocket rtnl, Notifies notifies, Ports ports, Map<String, Loop> loops) {
        this.rtnl = rtnl;
        this.notifies = notifies;
        this.ports = ports;
        this.loops = loops;
    }

    /**
     * @throws StartupException naming the instance, its interface and its place when the
     *                          interface cannot be opened
     */
    Member build(VrrpInstance vi, InstanceKey key) throws StartupException {
        InstanceParams params = key.params();
        try {
            Loop loop = loops.computeIfAbsent(key.loop(), Loop::new);
            Port port = new Port(key.iface(), params.family(), params.multicastGroup());
            PcapAdvertTransport transport = ports.transport(port, loop);
            RtnlAddressManager addresses = new RtnlAddressManager(rtnl, key.iface(), key.vips(), key.routes(), key.rules());
            TransitionHistory history = new TransitionHistory(Clock.systemUTC(), HISTORY);
            VrrpListener notify = notifies.listenerFor(vi);
            FanOutListener listener = new FanOutListener(List.of(notify, history));
            AnnouncingActions sends;
            Optional<RawVrrpSocket> socket = Optional.empty();
            if (params.unicast()) {
                RawVrrpSocket raw = RawVrrpSocket.open(params.primaryAddress(), key.unicastTtl(),
                        Optional.of(key.iface()));
                socket = Optional.of(raw);
                sends = new UnicastActions(params, raw, transport, addresses, listener);
            } else {
                sends = new FrameActions(params, transport, addresses, listener);
            }
            sends.warmUp();
            CountingActions actions = counting(sends, params);
            org.lvsd.vrrp.fsm.VrrpInstance instance = new org.lvsd.vrrp.fsm.VrrpInstance(params, actions,
                    loop.scheduler());
            AdvertReceiver receiver = new AdvertReceiver(instance, loop.scheduler(), AdvertReceiver.DEFAULT_LOG_INTERVAL);
            return new Member(key, instance, addresses, loop, receiver, port, socket, history, actions, notify);
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupException(vi.name(), key.iface(), vi.where(), Optional.ofNullable(e.getMessage())
                    .orElse(e.getClass().getSimpleName()));
        }
    }

    private static CountingActions counting(VrrpActions actions, InstanceParams params) {
        return new CountingActions(actions, params.vips().size());
    }
}
