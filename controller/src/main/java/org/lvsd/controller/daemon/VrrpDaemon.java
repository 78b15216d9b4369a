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
import org.lvsd.netlink.route.RtNetlink;
import org.lvsd.vrrp.codec.AddressFamily;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.fsm.VrrpInstance;
import org.lvsd.vrrp.io.FrameActions;
import org.lvsd.vrrp.io.PcapAdvertTransport;
import org.lvsd.vrrp.rx.AdvertDispatcher;
import org.lvsd.vrrp.rx.AdvertReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code vrrp_instance} of a configuration on real interfaces (vrrp/README.md's wiring):
 * a {@link Loop} per interface (per set of interfaces joined by a sync group), a
 * {@link PcapAdvertTransport} and an {@link AdvertDispatcher} per interface and family, VIPs
 * through {@link NetlinkVips}. {@link #start} removes stale VIPs, then starts the instances
 * ({@code vrrp_startup_delay} is honoured by the engine); {@link #close} stops them (a MASTER
 * sends a priority-0 advert, then removes its VIPs) and releases everything.
 */
public final class VrrpDaemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpDaemon.class);
    private static final long STOP_SECONDS = 5;

    private record Member(VrrpInstance instance, NetlinkVips vips, Loop loop) {
    }

    private record Port(String iface, AddressFamily family) {
    }

    private final Map<String, Loop> loops = new LinkedHashMap<>();
    private final Map<Port, PcapAdvertTransport> transports = new LinkedHashMap<>();
    private final Map<Port, List<AdvertReceiver>> receivers = new LinkedHashMap<>();
    private final List<Member> members = new ArrayList<>();

    private VrrpDaemon() {
    }

    /**
     * Opens every interface and builds every instance; nothing is sent yet.
     *
     * @throws StartupException for the first instance that cannot run (everything opened so far
     *                          is closed)
     */
    public static VrrpDaemon build(KeepalivedConfig config) throws StartupException {
        VrrpDaemon d = new VrrpDaemon();
        try (RtNetlink lookup = RtNetlink.open()) {
            d.buildAll(config, lookup);
        } catch (IOException e) {
            d.close();
            throw new StartupException("rtnetlink", "-", "-", e.getMessage());
        } catch (StartupException | RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    private void buildAll(KeepalivedConfig config, RtNetlink lookup) throws StartupException {
        LoopAssignment assignment = new LoopAssignment();
        for (SyncGroup g : config.syncGroups().values()) {
            assignment.join(g.members().stream().map(config.instances()::get).filter(i -> i != null)
                    .map(i -> i.iface().orElse("-")).toList());
        }
        Map<String, VrrpInstance> built = new LinkedHashMap<>();
        for (org.lvsd.conf.model.VrrpInstance vi : config.instances().values()) {
            built.put(vi.name(), buildOne(vi, config, lookup, assignment));
        }
        for (SyncGroup g : config.syncGroups().values()) {
            new org.lvsd.vrrp.fsm.SyncGroup(g.name(), g.members().stream().map(built::get).toList());
        }
        receivers.forEach((port, list) -> {
            AdvertDispatcher dispatcher = new AdvertDispatcher(list);
            Loop loop = loops.get(assignment.loopOf(port.iface()));
            transports.get(port).start(r -> loop.executor().execute(
                    () -> dispatcher.dispatch(ByteBuffer.wrap(r.vrrp()), r.ip())));
        });
    }

    private VrrpInstance buildOne(org.lvsd.conf.model.VrrpInstance vi, KeepalivedConfig config, RtNetlink lookup,
                                  LoopAssignment assignment) throws StartupException {
        String iface = vi.iface().orElse("-");
        try {
            if (vi.iface().isEmpty() || vi.unicast()) {
                throw new IOException("unicast instances are not supported yet");
            }
            InetAddress primary = InstanceMapping.primaryAddress(vi, new NetlinkInterfaceAddresses(lookup));
            InstanceParams params = InstanceMapping.params(vi, config, primary);
            String loopName = assignment.loopOf(iface);
            Loop loop = loops.get(loopName);
            if (loop == null) {
                loop = Loop.open(loopName);
                loops.put(loopName, loop);
            }
            Port port = new Port(iface, params.family());
            PcapAdvertTransport transport = transports.get(port);
            if (transport == null) {
                transport = PcapAdvertTransport.open(iface, params.family());
                transports.put(port, transport);
            }
            NetlinkVips vips = NetlinkVips.create(vi.name(), iface, vi.virtualAddresses(), vi.excludedAddresses(),
                    loop.rtnl());
            VrrpInstance instance = new VrrpInstance(params,
                    new FrameActions(params, transport, vips, new TransitionLog(vi.name())), loop.scheduler());
            receivers.computeIfAbsent(port, p -> new ArrayList<>())
                    .add(new AdvertReceiver(instance, loop.scheduler(), AdvertReceiver.DEFAULT_LOG_INTERVAL));
            members.add(new Member(instance, vips, loop));
            return instance;
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupException(vi.name(), iface, vi.where(), Optional.ofNullable(e.getMessage())
                    .orElse(e.getClass().getSimpleName()));
        }
    }

    /** Removes every configured VIP left from an earlier run, then starts every instance. */
    public void start() throws InterruptedException {
        for (Member m : members) {
            await(m, () -> m.vips().remove(m.vips().all()), "remove stale VIPs");
        }
        for (Member m : members) {
            LOG.info("{}: starting ({} on {}, VRID {}, priority {}, advert {} ms)", m.instance().name(),
                    m.instance().params().version(), m.instance().params().primaryAddress().getHostAddress(),
                    m.instance().params().vrid(), m.instance().params().priority(),
                    m.instance().params().advertInterval().toMillis());
            m.loop().executor().execute(m.instance()::start);
        }
    }

    /** Stops every instance (RFC 5798 §6.4.3), then closes transports and loops. */
    @Override
    public void close() {
        for (Member m : members) {
            try {
                await(m, m.instance()::stop, "stop");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        transports.values().forEach(PcapAdvertTransport::close);
        loops.values().forEach(Loop::close);
    }

    private static void await(Member m, Runnable task, String what) throws InterruptedException {
        try {
            m.loop().executor().submit(task).get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("{}: {} failed: {}", m.instance().name(), what, e.toString());
        }
    }
}
