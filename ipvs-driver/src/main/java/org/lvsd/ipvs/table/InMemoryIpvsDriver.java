package org.lvsd.ipvs.table;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.ConnectionEntry;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.IpvsDriver;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.IpvsInfo;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.sched.Flow;
import org.lvsd.ipvs.sched.Scheduler;
import org.lvsd.ipvs.sched.Schedulers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IPVS table in memory with the kernel's control semantics (ip_vs_ctl.c) and a modelled data
 * path ({@link #connect}, {@link #transition}, {@link #expire}) for tests and the userspace
 * forwarder. Every public method is synchronized on the driver.
 */
public final class InMemoryIpvsDriver implements IpvsDriver {
    private record TrashKey(ServiceKey service, RealServer server) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryIpvsDriver.class);
    /** Persistence engines the kernel ships (ip_vs_pe_sip.c). */
    private static final Set<String> PERSISTENCE_ENGINES = Set.of("sip");
    /** IP_VS_DEST_TRASH_PERIOD: how long an unreferenced removed destination can still be revived. */
    private static final long TRASH_PERIOD_MILLIS = 120_000;
    /** ip_vs_set_timeout's limit INT_MAX / HZ, for Debian's CONFIG_HZ=250. */
    private static final int MAX_TIMEOUT_SECONDS = Integer.MAX_VALUE / 250;

    private final Clock clock;
    private final Map<ServiceKey, ServiceState> services = new LinkedHashMap<>();
    /** Removed destinations by service and server (the kernel's dest_trash). */
    private final Map<TrashKey, DestState> trash = new LinkedHashMap<>();
    private final ConnectionTable connections;
    private final Dispatcher dispatcher;
    private Timeouts timeouts = Timeouts.DEFAULT;

    /** A table whose persistence, connection expiry and lblc/lblcr caches run on {@code clock}. */
    public InMemoryIpvsDriver(Clock clock) {
        this.clock = clock;
        this.connections = new ConnectionTable(clock);
        this.dispatcher = new Dispatcher(services, connections, () -> timeouts);
    }

    @Override
    public synchronized void addService(VirtualService service) throws IpvsException {
        ServiceKey key = service.key();
        if (services.containsKey(key)) {
            throw new IpvsException(Errno.EEXIST, key + ": service already exists");
        }
        checkService(service);
        services.put(key, new ServiceState(service, newScheduler(service)));
        LOG.debug("added service {}", key);
    }

    @Override
    public synchronized void editService(VirtualService service) throws IpvsException {
        ServiceState state = service(service.key());
        checkService(service);
        VirtualService old = state.config;
        if (!old.scheduler().equals(service.scheduler()) || schedulerFlagsChanged(old, service)) {
            state.scheduler = newScheduler(service);
            state.config = service;
            state.destinationsChanged();
        } else {
            state.config = service;
        }
    }

    @Override
    public synchronized void deleteService(ServiceKey key) throws IpvsException {
        ServiceState state = service(key);
        state.destinations.forEach(d -> toTrash(key, d));
        services.remove(key);
    }

    @Override
    public synchronized void addDestination(ServiceKey key, Destination destination) throws IpvsException {
        ServiceState state = service(key);
        String name = key + " -> " + destination.server();
        checkDestination(state, destination, name);
        if (state.find(destination.server()) != null) {
            throw new IpvsException(Errno.EEXIST, name + ": destination already exists");
        }
        DestState dest = trash.remove(new TrashKey(key, destination.server()));
        if (dest == null) {
            dest = new DestState(destination, state);
        } else {
            revive(dest, state, destination);
        }
        state.destinations.add(0, dest);
        state.destinationsChanged();
    }

    @Override
    public synchronized void editDestination(ServiceKey key, Destination destination) throws IpvsException {
        ServiceState state = service(key);
        String name = key + " -> " + destination.server();
        checkDestination(state, destination, name);
        DestState dest = state.find(destination.server());
        if (dest == null) {
            throw new IpvsException(Errno.ENOENT, name + ": no such destination");
        }
        dest.reconfigure(destination, false);
        state.destinationsChanged();
    }

    @Override
    public synchronized void deleteDestination(ServiceKey key, RealServer server) throws IpvsException {
        ServiceState state = service(key);
        DestState dest = state.find(server);
        if (dest == null) {
            throw new IpvsException(Errno.ENOENT, key + " -> " + server + ": no such destination");
        }
        state.destinations.remove(dest);
        toTrash(key, dest);
        state.destinationsChanged();
    }

    @Override
    public synchronized void flush() {
        for (Map.Entry<ServiceKey, ServiceState> s : services.entrySet()) {
            s.getValue().destinations.forEach(d -> toTrash(s.getKey(), d));
        }
        services.clear();
    }

    /** __ip_vs_del_dest: the destination leaves service, its connections still refer to it. */
    private void toTrash(ServiceKey key, DestState dest) {
        dest.available = false;
        dest.idleStart = 0;
        trash.put(new TrashKey(key, dest.config.server()), dest);
    }

    /**
     * ip_vs_add_dest found the destination in the trash: it comes back with its connection
     * counters, and with its statistics unless it belonged to an earlier incarnation of the service.
     */
    private static void revive(DestState dest, ServiceState state, Destination destination) {
        if (dest.owner != state) {
            dest.stats = Stats.ZERO;
            dest.estimator.reset(Stats.ZERO);
            dest.owner = state;
        }
        dest.available = true;
        dest.reconfigure(destination, true);
    }

    @Override
    public synchronized void zero() {
        services.values().forEach(InMemoryIpvsDriver::zero);
    }

    @Override
    public synchronized void zero(ServiceKey key) throws IpvsException {
        zero(service(key));
    }

    /** ip_vs_zero_service: counters and rate estimators of the service and its destinations. */
    private static void zero(ServiceState s) {
        s.stats = Stats.ZERO;
        s.estimator.reset(Stats.ZERO);
        for (DestState d : s.destinations) {
            d.stats = Stats.ZERO;
            d.estimator.reset(Stats.ZERO);
        }
    }

    @Override
    public synchronized List<ServiceEntry> list() {
        List<ServiceEntry> out = new ArrayList<>();
        services.values().forEach(s -> out.add(s.entry()));
        return out;
    }

    @Override
    public synchronized List<ConnectionEntry> connections() {
        return connections.entries();
    }

    @Override
    public synchronized Timeouts getTimeouts() {
        return timeouts;
    }

    @Override
    public synchronized void setTimeouts(Timeouts t) throws IpvsException {
        if (outOfRange(t.tcp()) || outOfRange(t.tcpFin()) || outOfRange(t.udp())) {
            throw new IpvsException(Errno.EINVAL, "timeouts must be 0.." + MAX_TIMEOUT_SECONDS + ": " + t);
        }
        timeouts = new Timeouts(t.tcp() != 0 ? t.tcp() : timeouts.tcp(),
                t.tcpFin() != 0 ? t.tcpFin() : timeouts.tcpFin(), t.udp() != 0 ? t.udp() : timeouts.udp());
    }

    private static boolean outOfRange(int seconds) {
        return seconds < 0 || seconds > MAX_TIMEOUT_SECONDS;
    }

    @Override
    public synchronized IpvsInfo info() {
        return IpvsInfo.KERNEL_DEFAULT;
    }

    /**
     * A packet of a flow arrives (ip_vs_in): an existing connection keeps its destination, a new one
     * is scheduled, through the persistence template when the service is persistent. A new TCP
     * connection is in SYN_RECV (counted active, as after the kernel's first SYN), an SCTP one in
     * INIT1 (inactive), a UDP one in its single state "UDP" (inactive: the kernel binds new
     * connections inactive and UDP never changes state). Empty when no service
     * matches or no destination is available. {@code fwmark} is the packet's mark, 0 for none.
     */
    public synchronized Optional<RealServer> connect(Protocol protocol, Flow flow, int fwmark) {
        return dispatcher.connect(protocol, flow, fwmark);
    }

    /**
     * Moves an existing TCP ({@link TcpState}) or SCTP ({@link SctpState}) connection to
     * {@code state}, updating counters and its timeout; TCP reaching ESTABLISHED marks its
     * persistence template ASSURED (ip_vs_control_assure_ct).
     */
    public synchronized void transition(Protocol protocol, Flow flow, ProtocolState state) {
        dispatcher.transition(protocol, flow, state);
    }

    /**
     * A TCP packet of an existing connection, from the client ({@code fromClient}) or from the
     * server: the connection's state follows the kernel's TCP state table (set_tcp_state), with
     * counters and timeout. False when the flow has no TCP connection.
     */
    public synchronized boolean tcpPacket(Flow flow, boolean fromClient, TcpFlags flags) {
        return dispatcher.tcpPacket(flow, fromClient, flags);
    }

    /**
     * One packet of an existing connection, inbound (client to server) or outbound (server to
     * client): counted on its destination and service (ip_vs_in_stats / ip_vs_out_stats), the
     * connection's timer restarted, and for a UDP reply the persistence template assured. False
     * when the flow has no connection.
     */
    public synchronized boolean countPacket(Protocol protocol, Flow flow, boolean inbound, int bytes) {
        return dispatcher.countPackets(protocol, flow, inbound, 1, bytes);
    }

    /**
     * {@code packets} packets of an existing connection with {@code bytes} bytes in all, counted at
     * once as {@link #countPacket} counts one: a caller that relays many packets can sum them and
     * take the table's lock once per batch instead of once per packet.
     */
    public synchronized boolean countPackets(Protocol protocol, Flow flow, boolean inbound, long packets, long bytes) {
        return dispatcher.countPackets(protocol, flow, inbound, packets, bytes);
    }

    /** One run of the kernel's 2-second rate estimation over every service and destination. */
    public synchronized void estimateRates() {
        for (ServiceState s : services.values()) {
            s.estimator.tick(s.stats);
            for (DestState d : s.destinations) {
                d.estimator.tick(d.stats);
            }
        }
    }

    /**
     * Removes connections and templates whose timeout has passed on the clock, then forgets trashed
     * destinations that have been without connections for IP_VS_DEST_TRASH_PERIOD (the kernel notes
     * the idle start on one run of its trash timer and frees on a later one; so does this method).
     */
    public synchronized void expire() {
        connections.expire();
        long now = clock.millis();
        trash.values().removeIf(d -> {
            if (!d.unreferenced()) {
                d.idleStart = 0;
                return false;
            }
            if (d.idleStart == 0) {
                d.idleStart = Math.max(1, now);
                return false;
            }
            return now >= d.idleStart + TRASH_PERIOD_MILLIS;
        });
    }

    /** Timers the connection table has examined so far: the work of expiry, for tests of its cost. */
    synchronized long timersExamined() {
        return connections.timersExamined();
    }

    private ServiceState service(ServiceKey key) throws IpvsException {
        ServiceState state = services.get(key);
        if (state == null) {
            throw new IpvsException(Errno.ESRCH, key + ": no such service");
        }
        return state;
    }

    private Scheduler newScheduler(VirtualService service) throws IpvsException {
        return Schedulers.create(service.scheduler(), service.flags(), clock).orElseThrow(
                () -> new IpvsException(Errno.ENOENT,
                        service.key() + ": scheduler " + service.scheduler() + " not found"));
    }

    /**
     * A scheduler keeps its state across an edit that keeps its name (ip_vs_edit_service); sh and
     * mh read their flags per packet, which this model gets by rebuilding their (deterministic)
     * tables with the new flags.
     */
    private static boolean schedulerFlagsChanged(VirtualService old, VirtualService updated) {
        boolean hashing = updated.scheduler().equals("sh") || updated.scheduler().equals("mh");
        return hashing && (old.flags().contains(ServiceFlag.SCHED1) != updated.flags().contains(ServiceFlag.SCHED1)
                || old.flags().contains(ServiceFlag.SCHED2) != updated.flags().contains(ServiceFlag.SCHED2));
    }

    /** ip_vs_add_service / ip_vs_edit_service checks, in the kernel's order. */
    private static void checkService(VirtualService service) throws IpvsException {
        if (!Schedulers.NAMES.contains(service.scheduler())) {
            throw new IpvsException(Errno.ENOENT,
                    service.key() + ": scheduler " + service.scheduler() + " not found");
        }
        String pe = service.persistenceEngine();
        if (!pe.isEmpty() && !PERSISTENCE_ENGINES.contains(pe)) {
            throw new IpvsException(Errno.ENOENT, service.key() + ": persistence engine " + pe + " not found");
        }
        if (service.key().family() == AddressFamily.INET6 && (service.netmask() < 1 || service.netmask() > 128)) {
            throw new IpvsException(Errno.EINVAL, service.key() + ": IPv6 netmask must be 1..128, not "
                    + service.netmask());
        }
    }

    /** The genl family check, then ip_vs_add_dest / ip_vs_edit_dest checks, in the kernel's order. */
    private static void checkDestination(ServiceState state, Destination d, String name) throws IpvsException {
        if (d.server().family() != state.config.key().family() && d.forward() != ForwardMethod.TUNNEL) {
            throw new IpvsException(Errno.EINVAL, name + ": a different address family needs tunnelling");
        }
        if (d.weight() < 0) {
            throw new IpvsException(Errno.ERANGE, name + ": server weight less than zero");
        }
        if (d.lowerThreshold() > d.upperThreshold()) {
            throw new IpvsException(Errno.ERANGE, name + ": lower threshold is higher than upper threshold");
        }
        if (d.upperThreshold() < 0 || d.lowerThreshold() < 0) {
            throw new IpvsException(Errno.EINVAL, name + ": thresholds must not be negative");
        }
        if (d.tunnelType() == TunnelType.GUE && d.tunnelPort() == 0) {
            throw new IpvsException(Errno.EINVAL, name + ": tunnel port is zero");
        }
    }
}
