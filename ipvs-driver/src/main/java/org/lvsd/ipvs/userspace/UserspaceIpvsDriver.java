package org.lvsd.ipvs.userspace;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.lvsd.ipvs.ConnectionEntry;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.IpvsDriver;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.IpvsInfo;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;
import org.lvsd.ipvs.userspace.dr.DirectRoutingPath;
import org.lvsd.ipvs.userspace.dr.RouteInterface;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lvs_driver userspace}: the table of an {@link InMemoryIpvsDriver} served by a userspace
 * layer-4 proxy. Adding a TCP or UDP service binds VIP:port (IP_FREEBIND, so a backup director is
 * ready before the VIP arrives) and serves it; deleting it stops new connections while existing
 * ones drain; edits of services, destinations and timeouts apply to the next new connection.
 * Statistics ({@link #list()}) and connections ({@link #connections()}) are the proxied traffic.
 *
 * <p>Gatewaying ({@code -g}) and tunnelling ({@code -i}) destinations, IPv4 or IPv6, are served by
 * the packet path ({@link DirectRoutingPath}) on {@link ForwarderOptions#routeInterface()} (when
 * empty: the interface of the first such destination's directly connected prefix), opened at the
 * first such destination. Tunnelling is IP in IP (RFC 2003) for an IPv4 service and IPv6 in IPv6
 * (RFC 2473) for an IPv6 one, as the kernel's {@code ipip} type. Refused with EOPNOTSUPP:
 * firewall-mark, SCTP and port-zero services, GUE and GRE tunnels, gatewaying or tunnelling
 * without a route interface or to a server of the other address family than the service's, and
 * services mixing forwarding methods.
 */
public final class UserspaceIpvsDriver implements IpvsDriver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UserspaceIpvsDriver.class);
    private static final long EXPIRE_PERIOD_MILLIS = 1000;
    /** The kernel's estimator runs every 2 s (ip_vs_est.c). */
    private static final long ESTIMATOR_PERIOD_MILLIS = 2000;

    private final InMemoryIpvsDriver table;
    private final Forwarding fwd;
    private final Map<ServiceKey, ServiceListener> listeners = new HashMap<>();
    private final Map<ServiceKey, UdpService> draining = new HashMap<>();
    private DirectRoutingPath directRouting;

    /** A forwarder with its own event loops; {@link #close()} stops it. */
    public UserspaceIpvsDriver(Clock clock, ForwarderOptions options) {
        this.table = new InMemoryIpvsDriver(clock);
        Transport transport = Transport.create(options.ioThreads());
        this.fwd = new Forwarding(transport, options, new FlowTable(table, options.maxConnections()),
                table::getTimeouts, TcpLoop.start(transport.group(), options));
        transport.group().scheduleAtFixedRate(table::expire, EXPIRE_PERIOD_MILLIS, EXPIRE_PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
        transport.group().scheduleAtFixedRate(table::estimateRates, ESTIMATOR_PERIOD_MILLIS,
                ESTIMATOR_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The forwarder's own counters: open connections, refusals, connect failures, each loop's CPU time and connections. */
    public ForwarderCounters counters() {
        return fwd.table().counters(fwd.transport().loops().stream()
                .map(l -> new LoopCounters(fwd.transport().cpu(l), fwd.loop(l).connections())).toList());
    }

    @Override
    public synchronized void addService(VirtualService service) throws IpvsException {
        ServiceKey key = service.key();
        if (key.isFwmark() || key.protocol() == Protocol.SCTP || key.port() == 0) {
            throw new IpvsException(Errno.EOPNOTSUPP, key + ": the userspace forwarder serves TCP and UDP "
                    + "address:port services with a port only");
        }
        table.addService(service);
        try {
            listeners.put(key, listen(key));
        } catch (Exception e) {
            table.deleteService(key);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IpvsException(Errno.EINVAL, key + ": cannot bind: " + e, e);
        }
    }

    private ServiceListener listen(ServiceKey key) throws IOException, InterruptedException {
        if (key.protocol() == Protocol.TCP) {
            return TcpService.bind(key, fwd);
        }
        UdpService stopped = draining.remove(key);
        if (stopped != null && stopped.resume()) {
            return stopped;
        }
        return UdpService.bind(key, fwd);
    }

    @Override
    public synchronized void editService(VirtualService service) throws IpvsException {
        table.editService(service);
    }

    @Override
    public synchronized void deleteService(ServiceKey key) throws IpvsException {
        table.deleteService(key);
        stop(key);
    }

    private void stop(ServiceKey key) {
        if (directRouting != null) {
            try {
                directRouting.stop(key);
            } catch (IOException e) {
                LOG.warn("{}: removing its nftables rule: {}", key, e.getMessage());
            }
        }
        ServiceListener l = listeners.remove(key);
        if (l != null) {
            l.stop();
            if (l instanceof UdpService udp) {
                draining.put(key, udp);
            }
        }
    }

    /** The packet path, once a gatewaying or tunnelling destination has opened it. */
    public synchronized Optional<DirectRoutingPath> directRouting() {
        return Optional.ofNullable(directRouting);
    }

    @Override
    public synchronized void addDestination(ServiceKey key, Destination destination) throws IpvsException {
        checkMethod(key, destination);
        table.addDestination(key, destination);
        servePackets(key, destination);
    }

    @Override
    public synchronized void editDestination(ServiceKey key, Destination destination) throws IpvsException {
        checkMethod(key, destination);
        table.editDestination(key, destination);
        servePackets(key, destination);
    }

    /**
     * Masquerading, or gatewaying or tunnelling with a route interface to a server of the
     * service's family, and one method per service.
     */
    private void checkMethod(ServiceKey key, Destination d) throws IpvsException {
        String name = key + " -> " + d.server();
        if (d.forward() == ForwardMethod.LOCAL) {
            throw new IpvsException(Errno.EOPNOTSUPP, name + ": the userspace forwarder does not support "
                    + d.forward().label());
        }
        if (d.forward() == ForwardMethod.TUNNEL && d.tunnelType() != TunnelType.IPIP) {
            throw new IpvsException(Errno.EOPNOTSUPP, name + ": the userspace forwarder tunnels with ipip only, not "
                    + d.tunnelType().label());
        }
        boolean packetPath = d.forward() == ForwardMethod.ROUTE || d.forward() == ForwardMethod.TUNNEL;
        if (packetPath && routeInterface(d).isEmpty()) {
            throw new IpvsException(Errno.EOPNOTSUPP, name + ": " + d.forward().label().toLowerCase(Locale.ROOT)
                    + " needs a route interface (none configured, and the server is on no directly connected"
                    + " interface)");
        }
        if (packetPath && key.family() != d.server().family()) {
            throw new IpvsException(Errno.EOPNOTSUPP, name + ": the packet path forwards within one address family");
        }
        for (ServiceEntry s : table.list()) {
            if (s.service().key().equals(key)) {
                for (DestinationEntry other : s.destinations()) {
                    boolean same = other.destination().server().equals(d.server());
                    if (!same && other.destination().forward() != d.forward()) {
                        throw new IpvsException(Errno.EOPNOTSUPP, name + ": the userspace forwarder cannot mix "
                                + other.destination().forward().label() + " and " + d.forward().label()
                                + " in one service");
                    }
                }
            }
        }
    }

    private void servePackets(ServiceKey key, Destination d) throws IpvsException {
        if (d.forward() != ForwardMethod.ROUTE && d.forward() != ForwardMethod.TUNNEL) {
            return;
        }
        try {
            if (directRouting == null) {
                directRouting = DirectRoutingPath.open(table, routeInterface(d).orElseThrow());
            }
            directRouting.serve(key, d.forward());
            directRouting.prepare(d.server().address());
        } catch (IOException e) {
            throw new IpvsException(Errno.EINVAL, key + ": cannot start the packet path on "
                    + fwd.options().routeInterface() + ": " + e.getMessage(), e);
        }
    }

    /** The configured route interface, or else the interface of the server's directly connected prefix. */
    private Optional<String> routeInterface(Destination d) {
        String configured = fwd.options().routeInterface();
        return configured.isEmpty() ? RouteInterface.toward(d.server().address()) : Optional.of(configured);
    }

    @Override
    public synchronized void deleteDestination(ServiceKey key, RealServer server) throws IpvsException {
        table.deleteDestination(key, server);
    }

    @Override
    public synchronized void flush() throws IpvsException {
        table.flush();
        List.copyOf(listeners.keySet()).forEach(this::stop);
    }

    @Override
    public void zero() throws IpvsException {
        table.zero();
    }

    @Override
    public void zero(ServiceKey key) throws IpvsException {
        table.zero(key);
    }

    @Override
    public List<ServiceEntry> list() throws IpvsException {
        return table.list();
    }

    @Override
    public List<ConnectionEntry> connections() throws IpvsException {
        return table.connections();
    }

    @Override
    public Timeouts getTimeouts() throws IpvsException {
        return table.getTimeouts();
    }

    @Override
    public void setTimeouts(Timeouts timeouts) throws IpvsException {
        table.setTimeouts(timeouts);
    }

    @Override
    public IpvsInfo info() throws IpvsException {
        return table.info();
    }

    /** Closes every socket, draining or not, and stops the event loops. */
    @Override
    public synchronized void close() {
        listeners.values().forEach(ServiceListener::stop);
        listeners.clear();
        draining.clear();
        if (directRouting != null) {
            try {
                directRouting.close();
            } catch (IOException e) {
                LOG.warn("closing direct routing: {}", e.getMessage());
            }
            directRouting = null;
        }
        fwd.transport().shutdown();
    }
}
