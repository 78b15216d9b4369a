package org.lvsd.vrrp.testlab;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.lvsd.netlink.socket.NetworkNamespace;
import org.lvsd.netlink.route.RtNetlink;
import org.lvsd.netlink.route.RtnlWatcher;
import org.lvsd.vrrp.addr.AddressListener;
import org.lvsd.vrrp.addr.AddressWatcher;
import org.lvsd.vrrp.addr.RtnlAddressManager;
import org.lvsd.vrrp.addr.VipSpec;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.fsm.VrrpInstance;
import org.lvsd.vrrp.io.AdvertTransport;
import org.lvsd.vrrp.rx.AdvertReceiver;
import org.lvsd.vrrp.time.ExecutorScheduler;
import org.lvsd.vrrp.track.TrackerKind;
import org.lvsd.vrrp.track.TrackerStatus;
import org.lvsd.vrrp.unicast.RawVrrpSocket;
import org.lvsd.vrrp.unicast.UnicastActions;
import org.lvsd.vrrp.wire.MacAddress;
import org.lvsd.vrrp.unicast.ReceivedIp;

/**
 * One lvsd unicast VRRP instance running in this JVM, with its sockets opened inside a test
 * namespace: raw VRRP socket, rtnetlink VIPs on eth0, an {@link AddressWatcher} wired as the
 * module README shows (lost VIPs, interface trackers), its own single-threaded loop. Transitions
 * are queued as "FROM TO reason". GARP / NA frames are not sent (unicast adverts are under test).
 */
public final class UnicastNode implements AutoCloseable {

    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<String> transitions = new LinkedBlockingQueue<>();
    private final RawVrrpSocket socket;
    private final NetlinkSocket route;
    private final VrrpInstance instance;
    private final AdvertReceiver receiver;
    private final AddressWatcher watcher;

    /**
     * @param nsFile the namespace, e.g. {@code /run/netns/NAME}; the instance uses its eth0
     * @param ttl    {@code unicast_ttl}
     */
    public UnicastNode(Path nsFile, InstanceParams params, int ttl) throws Exception {
        socket = Netns.call(nsFile, () -> RawVrrpSocket.open(params.primaryAddress(), ttl, Optional.of("eth0")));
        route = NetworkNamespace.call(nsFile, () -> NetlinkSocket.open(Netlink.NETLINK_ROUTE));
        ExecutorScheduler scheduler = new ExecutorScheduler(loop);
        RtnlAddressManager addresses = new RtnlAddressManager(route, "eth0",
                params.vips().stream().map(VipSpec::of).toList(), List.of(), List.of());
        instance = new VrrpInstance(params, new UnicastActions(params, socket, new DiscardFrames(), addresses,
                t -> transitions.add(t.from() + " " + t.to() + " " + t.reason())), scheduler);
        receiver = new AdvertReceiver(instance, scheduler, AdvertReceiver.DEFAULT_LOG_INTERVAL);
        watcher = AddressWatcher.create(new RtNetlink(NetworkNamespace.call(nsFile,
                () -> NetlinkSocket.open(Netlink.NETLINK_ROUTE))),
                NetworkNamespace.call(nsFile, () -> RtnlWatcher.open(AddressWatcher.groups())), new AddressListener() {
                    @Override
                    public void addressRemoved(String interfaceName, InetAddress address) {
                        loop.execute(() -> {
                            if (addresses.lost(address)) {
                                instance.onVipsLostExternally("VIP " + address.getHostAddress() + " deleted from "
                                        + interfaceName);
                            }
                        });
                    }

                    @Override
                    public void linkChanged(String interfaceName, boolean up) {
                        loop.execute(() -> instance.onTrackerStatus(TrackerKind.INTERFACE, interfaceName,
                                up ? TrackerStatus.UP : TrackerStatus.DOWN));
                    }
                });
        watcher.start();
        socket.start(r -> loop.execute(() -> receiver.receive(ByteBuffer.wrap(r.vrrp()), r.ip())));
        loop.execute(instance::start);
    }

    /** The next transition within {@code millis}, or null. */
    public String nextTransition(long millis) throws InterruptedException {
        return transitions.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** "accepted=N rejected=M" of the receive path. */
    public String counters() throws Exception {
        return loop.submit(() -> "accepted=" + receiver.counters().accepted() + " rejected="
                + receiver.counters().rejectedTotal() + " " + receiver.counters().rejectedSnapshot()).get(5, TimeUnit.SECONDS);
    }

    /** Stops the instance (priority-0 advert when MASTER). */
    public void stop() throws Exception {
        loop.submit(instance::stop).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (Exception e) {
            // already stopped or loop gone: cleanup continues
        }
        watcher.close();
        socket.close();
        route.close();
        loop.shutdownNow();
    }

    /** Frames for GARP / NA, dropped. */
    private static final class DiscardFrames implements AdvertTransport {
        @Override
        public MacAddress interfaceMac() {
            return MacAddress.of(new byte[] {2, 0x51, 0, 0, 0, 0x7f});
        }

        @Override
        public void send(byte[] frame) {
        }

        @Override
        public void start(java.util.function.Consumer<ReceivedIp> handler) {
            throw new UnsupportedOperationException("send only");
        }

        @Override
        public void close() {
        }
    }
}
