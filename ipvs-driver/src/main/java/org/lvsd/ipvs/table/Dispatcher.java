package org.lvsd.ipvs.table;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.sched.Flow;

/**
 * The modelled data path: service lookup (ip_vs_service_find), connection lookup, scheduling
 * (ip_vs_schedule) and persistence templates (ip_vs_sched_persist).
 */
final class Dispatcher {
    /** FTP control port: its templates do not carry ports (ip_vs_sched_persist). */
    private static final int FTPPORT = 21;

    private final Map<ServiceKey, ServiceState> services;
    private final ConnectionTable table;
    private final Supplier<Timeouts> timeouts;

    Dispatcher(Map<ServiceKey, ServiceState> services, ConnectionTable table, Supplier<Timeouts> timeouts) {
        this.services = services;
        this.table = table;
        this.timeouts = timeouts;
    }

    Optional<RealServer> connect(Protocol protocol, Flow flow, int fwmark) {
        if (protocol != Protocol.TCP && protocol != Protocol.UDP) {
            throw new IllegalArgumentException("connection tracking is modelled for TCP and UDP, not " + protocol);
        }
        table.expire();
        long now = table.now();
        Connection.Key key = new Connection.Key(false, protocol, flow.clientAddress(), flow.clientPort(),
                flow.virtualAddress(), flow.virtualPort());
        Connection existing = table.get(key);
        if (existing != null) {
            existing.touch(now);
            return Optional.of(existing.dest.config.server());
        }
        ServiceState svc = findService(protocol, flow.virtualAddress(), flow.virtualPort(), fwmark);
        if (svc == null) {
            return Optional.empty();
        }
        Connection template = null;
        DestState dest;
        int dport;
        if (svc.config.persistent()) {
            template = template(svc, protocol, flow, now);
            if (template == null) {
                return Optional.empty();
            }
            dest = template.dest;
            dport = flow.virtualPort();
            if (dport == svc.config.key().port() && dest.config.server().port() != 0) {
                dport = dest.config.server().port();
            }
        } else {
            dest = schedule(svc, flow);
            if (dest == null) {
                return Optional.empty();
            }
            int port = dest.config.server().port();
            dport = port != 0 ? port : flow.virtualPort();
        }
        Stats one = Stats.totals(1, 0, 0, 0, 0);
        svc.stats = svc.stats.plus(one);
        dest.stats = dest.stats.plus(one);
        if (protocol == Protocol.UDP && svc.config.flags().contains(ServiceFlag.ONE_PACKET)) {
            return Optional.of(dest.config.server());
        }
        Connection c;
        if (protocol == Protocol.TCP) {
            c = new Connection(key, dest, dport, template, TcpState.SYN_RECV.label(),
                    timeoutMillis(TcpState.SYN_RECV), now);
            c.active = TcpState.SYN_RECV.active();
        } else {
            c = new Connection(key, dest, dport, template, "UDP", timeouts.get().udp() * 1000L, now);
        }
        table.add(c);
        return Optional.of(dest.config.server());
    }

    void transition(Flow flow, TcpState state) {
        Connection c = table.get(new Connection.Key(false, Protocol.TCP, flow.clientAddress(), flow.clientPort(),
                flow.virtualAddress(), flow.virtualPort()));
        if (c == null) {
            throw new IllegalArgumentException("no TCP connection for " + flow);
        }
        boolean active = state.active();
        if (active != c.active) {
            c.dest.move(active);
            c.active = active;
        }
        c.state = state.label();
        if (state == TcpState.ESTABLISHED && c.control != null) {
            c.control.state = "ASSURED";
        }
        c.timeoutMillis = timeoutMillis(state);
        c.touch(table.now());
    }

    private long timeoutMillis(TcpState state) {
        Timeouts t = timeouts.get();
        int seconds = switch (state) {
            case ESTABLISHED -> t.tcp();
            case FIN_WAIT -> t.tcpFin();
            default -> state.defaultTimeoutSeconds();
        };
        return seconds * 1000L;
    }

    /** ip_vs_service_find: fwmark first, then protocol/address/port, then the port-zero service. */
    private ServiceState findService(Protocol protocol, InetAddress vaddr, int vport, int fwmark) {
        AddressFamily af = AddressFamily.of(vaddr);
        ServiceState svc = null;
        if (fwmark != 0) {
            svc = services.get(ServiceKey.fwmark(fwmark, af));
        }
        if (svc == null) {
            svc = services.get(ServiceKey.of(protocol, vaddr, vport));
        }
        if (svc == null) {
            svc = services.get(ServiceKey.of(protocol, vaddr, 0));
        }
        return svc;
    }

    private static DestState schedule(ServiceState svc, Flow flow) {
        Optional<RealServer> picked = svc.scheduler.schedule(svc.candidates(), flow);
        return picked.map(svc::find).orElse(null);
    }

    /** Finds or creates the persistence template of a flow; null when nothing can be scheduled. */
    private Connection template(ServiceState svc, Protocol protocol, Flow flow, long now) {
        VirtualService cfg = svc.config;
        ServiceKey sk = cfg.key();
        AddressFamily af = sk.family();
        InetAddress snet = PersistenceMask.apply(flow.clientAddress(), af, cfg.netmask());
        Protocol tProtocol = protocol;
        InetAddress tVaddr = flow.virtualAddress();
        int tVport = 0;
        boolean servicePort = !sk.isFwmark() && flow.virtualPort() == sk.port();
        if (servicePort) {
            if (sk.port() != FTPPORT) {
                tVport = flow.virtualPort();
            }
        } else if (sk.isFwmark()) {
            tProtocol = Protocol.IP;
            tVaddr = PersistenceMask.fwmarkAddress(sk.fwmark(), af);
        }
        Connection.Key key = new Connection.Key(true, tProtocol, snet, 0, tVaddr, tVport);
        Connection ct = table.get(key);
        if (ct != null && !ct.dest.available) {
            table.remove(ct);
            ct = null;
        }
        if (ct == null) {
            DestState dest = schedule(svc, flow);
            if (dest == null) {
                return null;
            }
            int tDport = servicePort && sk.port() != FTPPORT ? dest.config.server().port() : 0;
            ct = new Connection(key, dest, tDport, null, "NONE", cfg.timeout() * 1000L, now);
            table.add(ct);
        }
        ct.touch(now);
        return ct;
    }
}
