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
 * forwarder. Not thread-safe: callers serialise access.
 */
public final class InMemoryIpvsDriver implements IpvsDriver {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryIpvsDriver.class);
    /** Persistence engines the kernel ships (ip_vs_pe_sip.c). */
    private static final Set<String> PERSISTENCE_ENGINES = Set.of("sip");
    /** ip_vs_set_timeout's limit INT_MAX / HZ, for Debian's CONFIG_HZ=250. */
    private static final int MAX_TIMEOUT_SECONDS = Integer.MAX_VALUE / 250;

    private final Clock clock;
    private final Map<ServiceKey, ServiceState> services = new LinkedHashMap<>();
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
    public void addService(VirtualService service) throws IpvsException {
        ServiceKey key = service.key();
        if (services.containsKey(key)) {
            throw new IpvsException(Errno.EEXIST, key + ": service already exists");
        }
        checkService(service);
        services.put(key, new ServiceState(service, newScheduler(service)));
        LOG.debug("added service {}", key);
    }

    @Override
    public void editService(VirtualService service) throws IpvsException {
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
    public void deleteService(ServiceKey key) throws IpvsException {
        ServiceState state = service(key);
        state.destinations.forEach(d -> d.available = false);
        services.remove(key);
    }

    @Override
    public void addDestination(ServiceKey key, Destination destination) throws IpvsException {
        ServiceState state = service(key);
        String name = key + " -> " + destination.server();
        checkDestination(state, destination, name);
        if (state.find(destination.server()) != null) {
            throw new IpvsException(Errno.EEXIST, name + ": destination already exists");
        }
        state.destinations.add(0, new DestState(destination));
        state.destinationsChanged();
    }

    @Override
    public void editDestination(ServiceKey key, Destination destination) throws IpvsException {
        ServiceState state = service(key);
        String name = key + " -> " + destination.server();
        checkDestination(state, destination, name);
        DestState dest = state.find(destination.server());
        if (dest == null) {
            throw new IpvsException(Errno.ENOENT, name + ": no such destination");
        }
        dest.reconfigure(destination);
        state.destinationsChanged();
    }

    @Override
    public void deleteDestination(ServiceKey key, RealServer server) throws IpvsException {
        ServiceState state = service(key);
        DestState dest = state.find(server);
        if (dest == null) {
            throw new IpvsException(Errno.ENOENT, key + " -> " + server + ": no such destination");
        }
        dest.available = false;
        state.destinations.remove(dest);
        state.destinationsChanged();
    }

    @Override
    public void flush() {
        for (ServiceState s : services.values()) {
            s.destinations.forEach(d -> d.available = false);
        }
        services.clear();
    }

    @Override
    public void zero() {
        services.values().forEach(InMemoryIpvsDriver::zero);
    }

    @Override
    public void zero(ServiceKey key) throws IpvsException {
        zero(service(key));
    }

    private static void zero(ServiceState s) {
        s.stats = Stats.ZERO;
        s.destinations.forEach(d -> d.stats = Stats.ZERO);
    }

    @Override
    public List<ServiceEntry> list() {
        List<ServiceEntry> out = new ArrayList<>();
        services.values().forEach(s -> out.add(s.entry()));
        return out;
    }

    @Override
    public List<ConnectionEntry> connections() {
        return connections.entries();
    }

    @Override
    public Timeouts getTimeouts() {
        return timeouts;
    }

    @Override
    public void setTimeouts(Timeouts t) throws IpvsException {
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
    public IpvsInfo info() {
        return IpvsInfo.KERNEL_DEFAULT;
    }

    /**
     * A packet of a flow arrives (ip_vs_in): an existing connection keeps its destination, a new one
     * is scheduled, through the persistence template when the service is persistent. A new TCP
     * connection is in SYN_RECV (counted active, as after the kernel's first SYN), a UDP one in its
     * single state "UDP" (counted inactive: the kernel binds new connections inactive and UDP never
     * changes state). Empty when no service
     * matches or no destination is available. {@code fwmark} is the packet's mark, 0 for none.
     */
    public Optional<RealServer> connect(Protocol protocol, Flow flow, int fwmark) {
        return dispatcher.connect(protocol, flow, fwmark);
    }

    /**
     * Moves an existing TCP connection to {@code state}, updating counters and its timeout; reaching
     * ESTABLISHED marks its persistence template ASSURED (ip_vs_control_assure_ct).
     */
    public void transition(Flow flow, TcpState state) {
        dispatcher.transition(flow, state);
    }

    /** Removes connections and templates whose timeout has passed on the clock. */
    public void expire() {
        connections.expire();
    }

    /** The clock this table runs on. */
    public Clock clock() {
        return clock;
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
