package org.lvsd.controller.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.model.SyncGroup;
import org.lvsd.controller.vrrp.InstanceMapping;
import org.lvsd.controller.vrrp.RouteMapping;
import org.lvsd.controller.vrrp.RuleMapping;
import org.lvsd.controller.vrrp.VipMapping;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.route.RtNetlink;
import org.lvsd.netlink.route.RtnlWatcher;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.lvsd.vrrp.addr.AddressWatcher;
import org.lvsd.vrrp.addr.RtnlAddressManager;
import org.lvsd.vrrp.codec.AddressFamily;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.fsm.VrrpInstance;
import org.lvsd.vrrp.fsm.VrrpListener;
import org.lvsd.vrrp.io.FrameActions;
import org.lvsd.vrrp.io.PcapAdvertTransport;
import org.lvsd.vrrp.rx.AdvertDispatcher;
import org.lvsd.vrrp.rx.AdvertReceiver;
import org.lvsd.vrrp.unicast.RawVrrpSocket;
import org.lvsd.vrrp.unicast.UnicastActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code vrrp_instance} of a configuration on real interfaces (vrrp/README.md's wiring):
 * a {@link Loop} per interface (per set of interfaces joined by a sync group); multicast
 * instances share a {@link PcapAdvertTransport} and an {@link AdvertDispatcher} per interface and
 * family, unicast instances have their own {@link RawVrrpSocket}; VIPs through
 * {@link RtnlAddressManager}; one {@link AddressWatcher} for link changes (interface trackers) and
 * VIPs deleted by others; {@link Trackers} for {@code vrrp_script} and {@code vrrp_track_file};
 * {@link Notifies} for notify scripts and FIFOs. {@link #start} removes stale VIPs, then starts the instances
 * ({@code vrrp_startup_delay} is honoured by the engine); {@link #close} stops them (a MASTER
 * sends a priority-0 advert, then removes its VIPs) and releases everything.
 */
public final class VrrpDaemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpDaemon.class);
    private static final long TASK_SECONDS = 5;

    private record Port(String iface, AddressFamily family, InetAddress group) {
    }

    private record UnicastPort(RawVrrpSocket socket, AdvertReceiver receiver, Loop loop) {
    }

    private final NetlinkSocket rtnl;
    private final Notifies notifies;
    private final Map<String, Loop> loops = new LinkedHashMap<>();
    private final Map<Port, PcapAdvertTransport> transports = new LinkedHashMap<>();
    private final Map<Port, List<AdvertReceiver>> receivers = new LinkedHashMap<>();
    private final Map<Port, Loop> portLoops = new LinkedHashMap<>();
    private final List<UnicastPort> unicast = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private WatchRouter router;
    private AddressWatcher watcher;
    private Trackers trackers;

    private VrrpDaemon(NetlinkSocket rtnl, Notifies notifies) {
        this.rtnl = rtnl;
        this.notifies = notifies;
    }

    /**
     * Opens every interface and builds every instance; nothing is sent yet.
     *
     * @throws StartupException for the first instance that cannot run (everything opened so far
     *                          is closed)
     */
    public static VrrpDaemon build(KeepalivedConfig config) throws StartupException {
        VrrpDaemon d;
        try {
            d = new VrrpDaemon(NetlinkSocket.open(Netlink.NETLINK_ROUTE), new Notifies(config.global()));
        } catch (IOException e) {
            throw new StartupException("rtnetlink: " + e.getMessage());
        }
        try {
            d.buildAll(config);
            d.trackers = new Trackers(config, d.members);
            d.router = new WatchRouter(d.members);
            d.watcher = AddressWatcher.create(RtNetlink.open(), RtnlWatcher.open(AddressWatcher.groups()), d.router);
        } catch (IOException e) {
            d.close();
            throw new StartupException("rtnetlink watcher: " + e.getMessage());
        } catch (StartupException | RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    private void buildAll(KeepalivedConfig config) throws StartupException {
        LoopAssignment assignment = new LoopAssignment();
        for (SyncGroup g : config.syncGroups().values()) {
            assignment.join(g.members().stream().map(config.instances()::get).filter(i -> i != null)
                    .flatMap(i -> i.iface().stream()).toList());
        }
        Map<String, VrrpInstance> built = new LinkedHashMap<>();
        for (org.lvsd.conf.model.VrrpInstance vi : config.instances().values()) {
            built.put(vi.name(), buildOne(vi, config, assignment));
        }
        for (SyncGroup g : config.syncGroups().values()) {
            new org.lvsd.vrrp.fsm.SyncGroup(g.name(), g.members().stream().map(built::get).toList());
        }
    }

    private VrrpInstance buildOne(org.lvsd.conf.model.VrrpInstance vi, KeepalivedConfig config,
                                  LoopAssignment assignment) throws StartupException {
        String iface = vi.iface().orElse("-");
        try {
            if (vi.iface().isEmpty()) {
                throw new IOException("an instance without interface is not supported");
            }
            InetAddress primary = InstanceMapping.primaryAddress(vi, new NetlinkInterfaceAddresses(new RtNetlink(rtnl)));
            InstanceParams params = InstanceMapping.params(vi, config, primary);
            Loop loop = loops.computeIfAbsent(assignment.loopOf(iface), Loop::new);
            Port port = new Port(iface, params.family(), params.multicastGroup());
            PcapAdvertTransport transport = transports.get(port);
            if (transport == null) {
                transport = PcapAdvertTransport.open(iface, params.family(), params.multicastGroup());
                transports.put(port, transport);
            }
            RtnlAddressManager addresses = new RtnlAddressManager(rtnl, iface, VipMapping.vips(vi),
                    RouteMapping.routes(vi), RuleMapping.rules(vi));
            VrrpListener listener = notifies.listenerFor(vi);
            VrrpInstance instance;
            if (params.unicast()) {
                RawVrrpSocket socket = RawVrrpSocket.open(primary, vi.unicastTtl(), Optional.of(iface));
                instance = new VrrpInstance(params, new UnicastActions(params, socket, transport, addresses, listener),
                        loop.scheduler());
                unicast.add(new UnicastPort(socket, receiver(instance, loop), loop));
            } else {
                instance = new VrrpInstance(params, new FrameActions(params, transport, addresses, listener),
                        loop.scheduler());
                receivers.computeIfAbsent(port, p -> new ArrayList<>()).add(receiver(instance, loop));
                portLoops.putIfAbsent(port, loop);
            }
            members.add(new Member(instance, addresses, loop));
            return instance;
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupException(vi.name(), iface, vi.where(), Optional.ofNullable(e.getMessage())
                    .orElse(e.getClass().getSimpleName()));
        }
    }

    private static AdvertReceiver receiver(VrrpInstance instance, Loop loop) {
        return new AdvertReceiver(instance, loop.scheduler(), AdvertReceiver.DEFAULT_LOG_INTERVAL);
    }

    /**
     * Removes every configured VIP left from an earlier run, starts receiving adverts and
     * watching links and addresses, then starts every instance.
     */
    public void start() throws InterruptedException {
        for (Member m : members) {
            await(m, m.addresses()::removeStale, "remove stale VIPs");
        }
        receivers.forEach((port, list) -> {
            AdvertDispatcher dispatcher = new AdvertDispatcher(list);
            Loop loop = portLoops.get(port);
            transports.get(port).start(r -> loop.executor().execute(
                    () -> dispatcher.dispatch(ByteBuffer.wrap(r.vrrp()), r.ip())));
        });
        for (UnicastPort u : unicast) {
            AdvertDispatcher dispatcher = new AdvertDispatcher(List.of(u.receiver()));
            u.socket().start(r -> u.loop().executor().execute(
                    () -> dispatcher.dispatch(ByteBuffer.wrap(r.vrrp()), r.ip())));
        }
        router.initialStates(watcher.initialLinkStates());
        watcher.start();
        for (Member m : members) {
            InstanceParams p = m.instance().params();
            LOG.info("{}: starting ({} {} from {}, VRID {}, priority {}, advert {} ms)", p.name(), p.version(),
                    p.unicast() ? "unicast" : "multicast", p.primaryAddress().getHostAddress(), p.vrid(),
                    p.priority(), p.advertInterval().toMillis());
            m.loop().executor().execute(m.instance()::start);
        }
        trackers.start();
    }

    /**
     * Stops every instance first (RFC 5798 §6.4.3: the priority-0 advert must not wait for
     * anything), then closes trackers, watcher, notifies, sockets, transports and loops.
     */
    @Override
    public void close() {
        for (Member m : members) {
            try {
                await(m, m.instance()::stop, "stop");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (trackers != null) {
            trackers.close();
        }
        if (watcher != null) {
            watcher.close();
        }
        notifies.close();
        unicast.forEach(u -> u.socket().close());
        transports.values().forEach(PcapAdvertTransport::close);
        loops.values().forEach(Loop::close);
        rtnl.close();
    }

    private static void await(Member m, Runnable task, String what) throws InterruptedException {
        try {
            m.loop().executor().submit(task).get(TASK_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("{}: {} failed: {}", m.instance().name(), what, e.toString());
        }
    }
}
