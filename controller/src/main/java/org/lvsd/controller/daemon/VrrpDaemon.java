package org.lvsd.controller.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.model.SyncGroup;
import org.lvsd.conf.model.VrrpInstance;
import org.lvsd.controller.control.InstanceStatus;
import org.lvsd.controller.metrics.VrrpInstanceSnapshot;
import org.lvsd.controller.vrrp.InstanceMapping;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.route.Link;
import org.lvsd.netlink.route.RtNetlink;
import org.lvsd.netlink.route.RtnlWatcher;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.lvsd.vrrp.addr.AddressWatcher;
import org.lvsd.vrrp.addr.RtnlAddressManager;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.rx.AdvertDispatcher;
import org.lvsd.vrrp.rx.AdvertReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code vrrp_instance} of a configuration on real interfaces (vrrp/README.md's wiring):
 * a {@link Loop} per interface (per set of interfaces joined by a sync group); multicast
 * instances share a transport and a dispatcher per interface, family and multicast group ({@link Ports}), unicast
 * instances have their own raw socket; VIPs through {@link RtnlAddressManager}; one
 * {@link AddressWatcher} for link changes (interface trackers) and VIPs deleted by others;
 * {@link Trackers} for {@code vrrp_script} and {@code vrrp_track_file}; {@link Notifies} for
 * notify scripts and FIFOs. {@link #start} removes stale VIPs, then starts the instances
 * ({@code vrrp_startup_delay} is honoured by the engine); {@link #apply} reloads per
 * {@link ReloadPlan}: unchanged instances are not touched at all, removed ones stop, added ones
 * start, changed ones restart, and the trackers are rebuilt. A stop signal calls
 * {@link #handOffStops} first: every instance's stop queued on its loop at once (a MASTER sends a
 * priority-0 advert, then removes its VIPs); {@link #stopInstances} waits for those stops and
 * {@link #close} releases everything.
 */
public final class VrrpDaemon implements VrrpSide, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpDaemon.class);
    private static final long TASK_SECONDS = 5;

    private final NetlinkSocket rtnl;
    private final Notifies notifies;
    private final Map<String, Loop> loops = new HashMap<>();
    private final Ports ports = new Ports();
    private final MemberFactory factory;
    private final StopHandoff stops = new StopHandoff();
    private volatile List<Member> members = List.of();
    private AddressWatcher watcher;
    private Trackers trackers;

    private VrrpDaemon(NetlinkSocket rtnl, Notifies notifies) {
        this.rtnl = rtnl;
        this.notifies = notifies;
        this.factory = new MemberFactory(rtnl, notifies, ports, loops);
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
            d.members = d.buildAll(config, d.keys(config), config.instances().keySet());
            d.stops.set(stopTargets(d.members));
            d.trackers = new Trackers(config, d.members);
            d.watcher = AddressWatcher.create(RtNetlink.open(), RtnlWatcher.open(AddressWatcher.groups()),
                    new WatchRouter(() -> d.members));
        } catch (IOException e) {
            d.close();
            throw new StartupException("rtnetlink watcher: " + e.getMessage());
        } catch (StartupException | RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    /** Every instance's key, in configuration order. */
    private Map<String, InstanceKey> keys(KeepalivedConfig next) throws StartupException {
        LoopAssignment assignment = new LoopAssignment();
        for (SyncGroup g : next.syncGroups().values()) {
            assignment.join(g.members().stream().map(next.instances()::get).filter(i -> i != null)
                    .flatMap(i -> i.iface().stream()).toList());
        }
        NetlinkInterfaceAddresses addresses = new NetlinkInterfaceAddresses(new RtNetlink(rtnl));
        Map<String, InstanceKey> out = new LinkedHashMap<>();
        for (VrrpInstance vi : next.instances().values()) {
            String iface = vi.iface().orElse("-");
            try {
                if (vi.iface().isEmpty()) {
                    throw new IOException("an instance without interface is not supported");
                }
                InetAddress primary = InstanceMapping.primaryAddress(vi, addresses);
                out.put(vi.name(), InstanceKey.of(vi, next, primary, assignment));
            } catch (IOException | IllegalArgumentException e) {
                throw new StartupException(vi.name(), iface, vi.where(), Optional.ofNullable(e.getMessage())
                        .orElse(e.getClass().getSimpleName()));
            }
        }
        return out;
    }

    /** Builds the instances {@code names} of {@code next} and joins their sync groups; closes them on failure. */
    private List<Member> buildAll(KeepalivedConfig next, Map<String, InstanceKey> keys, Set<String> names)
            throws StartupException {
        List<Member> built = new ArrayList<>();
        try {
            for (String name : names) {
                built.add(factory.build(next.instances().get(name), keys.get(name)));
            }
        } catch (StartupException | RuntimeException e) {
            built.forEach(this::release);
            ports.route(receivers(members));
            throw e;
        }
        Map<String, org.lvsd.vrrp.fsm.VrrpInstance> byName = new HashMap<>();
        built.forEach(m -> byName.put(m.name(), m.instance()));
        for (SyncGroup g : next.syncGroups().values()) {
            if (byName.keySet().containsAll(g.members())) {
                new org.lvsd.vrrp.fsm.SyncGroup(g.name(), g.members().stream().map(byName::get).toList());
            }
        }
        return built;
    }

    /**
     * Removes every configured VIP left from an earlier run, starts receiving adverts and
     * watching links and addresses, then starts every instance.
     */
    public void start() throws InterruptedException {
        for (Member m : members) {
            await(m, m.addresses()::removeStale, "remove stale VIPs");
        }
        ports.route(receivers(members));
        ports.startReceiving();
        WatchRouter.initialStates(watcher.initialLinkStates(), members);
        watcher.start();
        startInstances(members);
        trackers.start();
    }

    private void startInstances(List<Member> starting) {
        for (Member m : starting) {
            m.unicast().ifPresent(socket -> {
                AdvertDispatcher dispatcher = new AdvertDispatcher(List.of(m.receiver()));
                socket.start(r -> m.loop().executor().execute(
                        () -> dispatcher.dispatch(ByteBuffer.wrap(r.vrrp()), r.ip())));
            });
            InstanceParams p = m.instance().params();
            LOG.info("{}: starting ({} {} from {}, VRID {}, priority {}, advert {} ms)", p.name(), p.version(),
                    p.unicast() ? "unicast" : "multicast", p.primaryAddress().getHostAddress(), p.vrid(),
                    p.priority(), p.advertInterval().toMillis());
            m.loop().executor().execute(m.instance()::start);
        }
    }

    @Override
    public synchronized ReloadPlan plan(KeepalivedConfig next) throws StartupException {
        return ReloadPlan.between(runningKeys(), keys(next));
    }

    private Map<String, InstanceKey> runningKeys() {
        Map<String, InstanceKey> running = new LinkedHashMap<>();
        members.forEach(m -> running.put(m.name(), m.key()));
        return running;
    }

    /**
     * Reloads: builds the instances to start first (a failure there changes nothing), then stops
     * the removed and changed ones, routes adverts to the new set, starts the new ones and
     * rebuilds the trackers. Unchanged instances keep running on their loops throughout.
     */
    @Override
    public synchronized ReloadPlan apply(KeepalivedConfig next) throws StartupException, InterruptedException {
        Map<String, InstanceKey> keys = keys(next);
        ReloadPlan plan = ReloadPlan.between(runningKeys(), keys);
        List<Member> fresh = buildAll(next, keys, plan.starting());
        Map<String, Member> old = new HashMap<>();
        members.forEach(m -> old.put(m.name(), m));
        for (String name : plan.stopping()) {
            Member m = old.get(name);
            await(m, m.instance()::stop, "stop");
            release(m);
        }
        Map<String, Member> byName = new HashMap<>(old);
        fresh.forEach(m -> byName.put(m.name(), m));
        List<Member> now = keys.keySet().stream().map(byName::get).toList();
        members = now;
        stops.set(stopTargets(now));
        ports.route(receivers(now));
        WatchRouter.initialStates(linkStates(), fresh);
        startInstances(fresh);
        trackers.close();
        trackers = new Trackers(next, now);
        trackers.start();
        closeIdleLoops();
        return plan;
    }

    /** Whether each interface is up (and running) now. */
    private Map<String, Boolean> linkStates() {
        Map<String, Boolean> up = new HashMap<>();
        try {
            for (Link l : new RtNetlink(rtnl).links()) {
                up.put(l.name(), l.isUp() && l.isRunning());
            }
        } catch (NetlinkException e) {
            LOG.warn("reading link states failed ({}); tracked interfaces of new instances start up", e.getMessage());
        }
        return up;
    }

    /** Each instance's stop on its own loop; built here, with the instances, not when a signal comes. */
    private static List<StopHandoff.Target> stopTargets(List<Member> list) {
        List<StopHandoff.Target> out = new ArrayList<>();
        for (Member m : list) {
            out.add(new StopHandoff.Target(m.loop().executor(), m.instance()::stop));
        }
        return out;
    }

    /** Every port in use, with the receivers of its multicast instances (unicast ones only send GARPs there). */
    private static Map<Port, List<AdvertReceiver>> receivers(List<Member> list) {
        Map<Port, List<AdvertReceiver>> out = new HashMap<>();
        for (Member m : list) {
            List<AdvertReceiver> r = out.computeIfAbsent(m.port(), x -> new ArrayList<>());
            if (m.unicast().isEmpty()) {
                r.add(m.receiver());
            }
        }
        return out;
    }

    /** Releases what only {@code m} used: its unicast socket and its notify queue. */
    private void release(Member m) {
        m.unicast().ifPresent(s -> s.close());
        notifies.forget(m.notifyListener());
    }

    private void closeIdleLoops() {
        Set<Loop> used = new java.util.HashSet<>();
        members.forEach(m -> used.add(m.loop()));
        loops.values().removeIf(l -> {
            if (used.contains(l)) {
                return false;
            }
            l.close();
            return true;
        });
    }

    @Override
    public List<InstanceStatus> status() {
        List<InstanceStatus> out = new ArrayList<>();
        for (Member m : members) {
            out.add(onLoop(m, () -> new InstanceStatus(m.name(), m.instance().state(),
                    m.instance().effectivePriority(), m.instance().params().vips(), m.history().recent())));
        }
        return out;
    }

    @Override
    public List<VrrpInstanceSnapshot> snapshots() {
        List<VrrpInstanceSnapshot> out = new ArrayList<>();
        for (Member m : members) {
            out.add(onLoop(m, () -> VrrpInstanceSnapshot.of(m.instance(), m.key().iface(), m.receiver().counters(),
                    m.history().last(), m.actions().announcements())));
        }
        return out;
    }

    /** Runs {@code read} on the instance's loop (the engine is single-threaded) and waits for it. */
    private static <T> T onLoop(Member m, Callable<T> read) {
        try {
            return m.loop().executor().submit(read).get(TASK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + m.name(), e);
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("reading " + m.name() + " failed: " + e, e);
        }
    }

    /**
     * Queues every instance's stop on its loop and returns at once (RFC 5798 §6.4.3: the
     * priority-0 advert must not wait for anything). For the signal thread: it takes no lock (a
     * reload may hold this daemon's), never blocks and never throws. An instance a concurrent
     * reload starts after this is stopped by {@link #stopInstances}.
     *
     * @return how many stops were queued
     */
    public int handOffStops() {
        return stops.handOff();
    }

    /**
     * Stops every instance and waits for each (at most {@value #TASK_SECONDS} s): after
     * {@link #handOffStops} this only waits for the stops already queued, which run first on
     * their loops.
     */
    public synchronized void stopInstances() {
        for (Member m : members) {
            try {
                await(m, m.instance()::stop, "stop");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Stops every instance first ({@link #stopInstances}; nothing to wait for after a signal's
     * {@link #handOffStops}), then closes trackers, watcher, notifies, sockets, transports and loops.
     */
    @Override
    public synchronized void close() {
        stopInstances();
        if (trackers != null) {
            trackers.close();
        }
        if (watcher != null) {
            watcher.close();
        }
        notifies.close();
        members.forEach(m -> m.unicast().ifPresent(s -> s.close()));
        ports.close();
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
